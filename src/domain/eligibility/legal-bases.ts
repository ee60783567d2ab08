/** Legal documents the eligibility rules cite (brief §1.1); only those the brief lists. */
export const LAW_06_2022 = 'Luật Thi đua, khen thưởng số 06/2022/QH15';
export const CV_5007_BNV_2023 = 'Công văn số 5007/BNV-TĐKT ngày 05/9/2023 của Bộ Nội vụ';
export const TT_15_2025_BNV = 'Thông tư số 15/2025/TT-BNV ngày 04/8/2025 của Bộ Nội vụ';
export const ND_42_2010 = 'Nghị định số 42/2010/NĐ-CP';

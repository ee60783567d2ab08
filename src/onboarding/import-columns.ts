/** The columns of the import templates: Vietnamese labels, matched without case or diacritics. */
export const UNIT_COLUMNS = {
  code: {
    label: 'Mã đơn vị',
    required: true,
    hint: 'Mã riêng, không trùng (chữ, số, . _ -), ví dụ HP-XA-001',
  },
  type: {
    label: 'Loại',
    required: true,
    hint: 'xã, phường, đặc khu (hoặc huyện, quận, thị xã, thành phố, cơ quan, đơn vị)',
  },
  shortName: { label: 'Tên', required: true, hint: 'Tên riêng, ví dụ Cẩm Giàng' },
  fullName: {
    label: 'Tên đầy đủ',
    required: false,
    hint: 'Để trống: "<loại> <tên>", ví dụ xã Cẩm Giàng',
  },
  collectiveName: {
    label: 'Tên tập thể',
    required: false,
    hint: 'Tên ghi trên hình thức khen thưởng; để trống: "Đảng bộ, chính quyền và nhân dân <tên đầy đủ>"',
  },
  validFrom: { label: 'Hiệu lực từ', required: true, hint: 'dd/mm/yyyy, ví dụ 01/07/2025' },
  validTo: {
    label: 'Hiệu lực đến',
    required: false,
    hint: 'dd/mm/yyyy; để trống nếu đơn vị còn hoạt động',
  },
  provinceCode: {
    label: 'Mã tỉnh',
    required: false,
    hint: 'Để trống: tỉnh đã chọn khi nhập; ghi mã (ví dụ HD) cho đơn vị của tỉnh cũ',
  },
  predecessorCodes: {
    label: 'Mã đơn vị tiền thân',
    required: false,
    hint: 'Các đơn vị hợp thành đơn vị này, cách nhau bởi dấu ; (ví dụ HD-CG; HD-GL)',
  },
} as const;

export const BLOC_COLUMNS = {
  blocCode: {
    label: 'Mã khối',
    required: true,
    hint: 'Mã riêng của khối, cụm thi đua, ví dụ HP-CUM-01',
  },
  blocName: { label: 'Tên khối', required: true, hint: 'Ví dụ Cụm thi đua số 1' },
  kind: { label: 'Loại khối', required: true, hint: 'khối hoặc cụm' },
  year: { label: 'Năm', required: true, hint: 'Năm thi đua, ví dụ 2026' },
  unitCode: {
    label: 'Mã đơn vị thành viên',
    required: true,
    hint: 'Một dòng cho mỗi đơn vị thành viên của năm',
  },
  role: {
    label: 'Vai trò',
    required: false,
    hint: 'trưởng hoặc phó (cụm trưởng, cụm phó); để trống cho thành viên',
  },
  secretaryName: {
    label: 'Thư ký',
    required: false,
    hint: 'Tên thư ký của khối trong năm (ghi ở một dòng bất kỳ của khối)',
  },
} as const;

export type UnitColumn = keyof typeof UNIT_COLUMNS;
export type BlocColumn = keyof typeof BLOC_COLUMNS;

/** Excel files of either import: refused before parsing beyond these. */
export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  maxRows: 20_000,
  maxColumns: 50,
};

/* Names for the generated national data set: the 34 provinces since 01/07/2025, made-up communes and people. */

/** The 34 provinces and centrally-run cities of the two-level government (from 01/07/2025). */
export const PROVINCES: readonly { name: string; fullName: string }[] = [
  ['Hà Nội', 'thành phố Hà Nội'],
  ['Huế', 'thành phố Huế'],
  ['Lai Châu', 'tỉnh Lai Châu'],
  ['Điện Biên', 'tỉnh Điện Biên'],
  ['Sơn La', 'tỉnh Sơn La'],
  ['Lạng Sơn', 'tỉnh Lạng Sơn'],
  ['Quảng Ninh', 'tỉnh Quảng Ninh'],
  ['Thanh Hóa', 'tỉnh Thanh Hóa'],
  ['Nghệ An', 'tỉnh Nghệ An'],
  ['Hà Tĩnh', 'tỉnh Hà Tĩnh'],
  ['Cao Bằng', 'tỉnh Cao Bằng'],
  ['Tuyên Quang', 'tỉnh Tuyên Quang'],
  ['Lào Cai', 'tỉnh Lào Cai'],
  ['Thái Nguyên', 'tỉnh Thái Nguyên'],
  ['Phú Thọ', 'tỉnh Phú Thọ'],
  ['Bắc Ninh', 'tỉnh Bắc Ninh'],
  ['Hưng Yên', 'tỉnh Hưng Yên'],
  ['Hải Phòng', 'thành phố Hải Phòng'],
  ['Ninh Bình', 'tỉnh Ninh Bình'],
  ['Quảng Trị', 'tỉnh Quảng Trị'],
  ['Đà Nẵng', 'thành phố Đà Nẵng'],
  ['Quảng Ngãi', 'tỉnh Quảng Ngãi'],
  ['Gia Lai', 'tỉnh Gia Lai'],
  ['Khánh Hòa', 'tỉnh Khánh Hòa'],
  ['Lâm Đồng', 'tỉnh Lâm Đồng'],
  ['Đắk Lắk', 'tỉnh Đắk Lắk'],
  ['Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
  ['Đồng Nai', 'tỉnh Đồng Nai'],
  ['Tây Ninh', 'tỉnh Tây Ninh'],
  ['Cần Thơ', 'thành phố Cần Thơ'],
  ['Vĩnh Long', 'tỉnh Vĩnh Long'],
  ['Đồng Tháp', 'tỉnh Đồng Tháp'],
  ['Cà Mau', 'tỉnh Cà Mau'],
  ['An Giang', 'tỉnh An Giang'],
].map(([name, fullName]) => ({ name: name!, fullName: fullName! }));

const FIRST = ['An', 'Bình', 'Tân', 'Phú', 'Hòa', 'Thạnh', 'Long', 'Vĩnh', 'Hưng', 'Quang'];
const SECOND = ['Lạc', 'Thịnh', 'Mỹ', 'Đông', 'Tây', 'Nam', 'Bắc', 'Sơn', 'Hải', 'Trung'];

/** A made-up commune name, unique within a province for index < 100 (plus a number beyond). */
export function communeName(index: number): string {
  const base = `${FIRST[index % 10]} ${SECOND[Math.floor(index / 10) % 10]}`;
  return index < 100 ? base : `${base} ${Math.floor(index / 100) + 1}`;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Đức', 'Thu', 'Quốc', 'Thanh', 'Hữu'];
const GIVEN = ['Hùng', 'Lan', 'Dũng', 'Hà', 'Tuấn', 'Mai', 'Sơn', 'Hương', 'Nam', 'Linh', 'Bình'];

/** A made-up person's name, deterministic for a number. */
export function personName(n: number): string {
  return `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n >> 2) % MIDDLE.length]} ${GIVEN[(n >> 4) % GIVEN.length]}`;
}

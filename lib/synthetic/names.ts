import type { Sex } from '../domain/personal-id';
import { WeightedTable, type Random } from './random';

/** Surname shares in percent, after published Vietnamese surname surveys. */
export const SURNAMES = new WeightedTable<string>([
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7.1], ['Hoàng', 3.1], ['Huỳnh', 2.1], ['Phan', 4.5], ['Vũ', 2.2],
  ['Võ', 1.8], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Đinh', 0.8], ['Trương', 0.8], ['Lương', 0.6], ['Mai', 0.6], ['Trịnh', 0.6], ['Đoàn', 0.5], ['Hà', 0.5],
  ['Cao', 0.4], ['Lâm', 0.4], ['Tạ', 0.2], ['Thái', 0.2], ['La', 0.2], ['Quách', 0.1], ['Châu', 0.2],
]);

const MIDDLE: Record<Sex, WeightedTable<string>> = {
  MALE: new WeightedTable([['Văn', 40], ['Hữu', 8], ['Đức', 10], ['Minh', 12], ['Quốc', 8], ['Thành', 6], ['Công', 5], ['Xuân', 4], ['Gia', 4], ['Hoàng', 3]]),
  FEMALE: new WeightedTable([['Thị', 50], ['Ngọc', 12], ['Thu', 8], ['Thanh', 8], ['Phương', 5], ['Minh', 5], ['Kim', 4], ['Bảo', 3], ['Hồng', 3], ['Diệu', 2]]),
};

const GIVEN: Record<Sex, WeightedTable<string>> = {
  MALE: new WeightedTable(
    ['Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Kiên', 'Long', 'Lâm', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quang', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ'].map((n, i) => [n, 10 + (i % 7)] as const),
  ),
  FEMALE: new WeightedTable(
    ['Anh', 'Châu', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Trâm', 'Uyên', 'Vân', 'Vy', 'Yến'].map((n, i) => [n, 10 + (i % 5)] as const),
  ),
};

export interface PersonName {
  surname: string;
  middleName: string;
  givenName: string;
  fullName: string;
}

export function drawName(random: Random, sex: Sex, surname = SURNAMES.draw(random)): PersonName {
  const middleName = MIDDLE[sex].draw(random);
  const givenName = GIVEN[sex].draw(random);
  return { surname, middleName, givenName, fullName: `${surname} ${middleName} ${givenName}` };
}

import type { UnitInput } from '../repositories/units.js';

/**
 * The demo tree: the Hanoi Department, the Tây Hồ office with the four schools its 2024 CCHC
 * plan names plus three more, two more offices with schools, and two upper-secondary schools
 * that report to the Department directly. `eligible` is the number of pupils' families.
 */
export const DEMO_UNITS: UnitInput[] = [
  { id: 'HN', parent_id: null, name: 'Sở Giáo dục và Đào tạo Hà Nội', kind: 'department', level: null, eligible: 0 },
  { id: 'HN-TAYHO', parent_id: 'HN', name: 'Phòng GDĐT quận Tây Hồ', kind: 'office', level: null, eligible: 0 },
  { id: 'HN-TAYHO-THCS-DONGTHAI', parent_id: 'HN-TAYHO', name: 'Trường THCS Đông Thái', kind: 'school', level: 'THCS', eligible: 640 },
  { id: 'HN-TAYHO-TH-NHATTAN', parent_id: 'HN-TAYHO', name: 'Trường Tiểu học Nhật Tân', kind: 'school', level: 'TH', eligible: 870 },
  { id: 'HN-TAYHO-MN-DOANTHIDIEM', parent_id: 'HN-TAYHO', name: 'Trường Mầm non Đoàn Thị Điểm', kind: 'school', level: 'MN', eligible: 320 },
  { id: 'HN-TAYHO-TH-CHUVANAN', parent_id: 'HN-TAYHO', name: 'Trường Tiểu học Chu Văn An', kind: 'school', level: 'TH', eligible: 1150 },
  { id: 'HN-TAYHO-MN-QUANGAN', parent_id: 'HN-TAYHO', name: 'Trường Mầm non Quảng An', kind: 'school', level: 'MN', eligible: 280 },
  { id: 'HN-TAYHO-THCS-TULIEN', parent_id: 'HN-TAYHO', name: 'Trường THCS Tứ Liên', kind: 'school', level: 'THCS', eligible: 430 },
  { id: 'HN-TAYHO-TH-XUANLA', parent_id: 'HN-TAYHO', name: 'Trường Tiểu học Xuân La', kind: 'school', level: 'TH', eligible: 760 },
  { id: 'HN-BADINH', parent_id: 'HN', name: 'Phòng GDĐT quận Ba Đình', kind: 'office', level: null, eligible: 0 },
  { id: 'HN-BADINH-TH-KIMDONG', parent_id: 'HN-BADINH', name: 'Trường Tiểu học Kim Đồng', kind: 'school', level: 'TH', eligible: 1020 },
  { id: 'HN-BADINH-THCS-GIANGVO', parent_id: 'HN-BADINH', name: 'Trường THCS Giảng Võ', kind: 'school', level: 'THCS', eligible: 980 },
  { id: 'HN-BADINH-MN-HOAHONG', parent_id: 'HN-BADINH', name: 'Trường Mầm non Hoa Hồng', kind: 'school', level: 'MN', eligible: 350 },
  { id: 'HN-CAUGIAY', parent_id: 'HN', name: 'Phòng GDĐT quận Cầu Giấy', kind: 'office', level: null, eligible: 0 },
  { id: 'HN-CAUGIAY-TH-DICHVONGA', parent_id: 'HN-CAUGIAY', name: 'Trường Tiểu học Dịch Vọng A', kind: 'school', level: 'TH', eligible: 1240 },
  { id: 'HN-CAUGIAY-THCS-CAUGIAY', parent_id: 'HN-CAUGIAY', name: 'Trường THCS Cầu Giấy', kind: 'school', level: 'THCS', eligible: 1100 },
  { id: 'HN-CAUGIAY-MN-HOASEN', parent_id: 'HN-CAUGIAY', name: 'Trường Mầm non Hoa Sen', kind: 'school', level: 'MN', eligible: 300 },
  { id: 'HN-THPT-CHUVANAN', parent_id: 'HN', name: 'Trường THPT Chu Văn An', kind: 'school', level: 'THPT', eligible: 1850 },
  { id: 'HN-THPT-TAYHO', parent_id: 'HN', name: 'Trường THPT Tây Hồ', kind: 'school', level: 'THPT', eligible: 1400 },
];

export const DEMO_USERS = [
  { email: 'admin@demo.vn', name: 'Quản trị Sở GDĐT', role: 'admin', unit_id: 'HN' },
  { email: 'tayho@demo.vn', name: 'Phòng GDĐT Tây Hồ', role: 'manager', unit_id: 'HN-TAYHO' },
  { email: 'dongthai@demo.vn', name: 'THCS Đông Thái', role: 'manager', unit_id: 'HN-TAYHO-THCS-DONGTHAI' },
] as const;

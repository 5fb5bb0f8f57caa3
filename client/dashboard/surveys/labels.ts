export const LEVEL_LABEL: Record<string, [string, string]> = {
  MN: ['Mầm non', 'Pre-school'],
  TH: ['Tiểu học', 'Primary'],
  THCS: ['Trung học cơ sở', 'Lower secondary'],
  THPT: ['Trung học phổ thông', 'Upper secondary'],
};

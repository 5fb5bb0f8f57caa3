import { definitionHash } from '../../surveys/load.js';
import { ZSurveyDefinition, type TSurveyDefinition } from '../../surveys/schema.js';
import { syncSurveys } from '../../server/surveys.js';
import type { TestApp } from './app.js';

type Obj = Record<string, unknown>;
export type TypesInput = Obj & {
  factors: Obj[];
  sections: (Obj & { questions: (Obj & { rows?: Obj[] })[] })[];
};

/** A definition as an author writes it (before parsing), one question of each newer type. */
export function typesInput(): TypesInput {
  return {
    id: 'kieu-moi',
    version: 1,
    kind: 'education',
    level: 'THPT',
    title: { vi: 'Bảng hỏi có các kiểu câu mới', en: 'The newer question types' },
    target: 85,
    factors: [
      { id: 'tiep_can', title: { vi: 'Tiếp cận' } },
      { id: 'moi_truong', title: { vi: 'Môi trường' } },
    ],
    sections: [
      {
        id: 'chung',
        title: { vi: 'Thông tin chung' },
        questions: [
          {
            id: 'so_con',
            type: 'number',
            text: { vi: 'Số con đang học tại trường' },
            min: 1,
            max: 5,
            integer: true,
          },
          { id: 'chi_phi', type: 'number', text: { vi: 'Chi phí mỗi tháng (triệu đồng)' }, min: 0 },
          { id: 'ngay_hop', type: 'date', text: { vi: 'Ngày họp phụ huynh gần nhất' } },
          {
            id: 'tinh',
            type: 'dropdown',
            text: { vi: 'Tỉnh, thành phố nơi Ông/Bà ở' },
            options: [
              { value: 'ha_noi', label: { vi: 'Hà Nội' } },
              { value: 'hai_phong', label: { vi: 'Hải Phòng' } },
              { value: 'da_nang', label: { vi: 'Đà Nẵng' } },
            ],
          },
        ],
      },
      {
        id: 'danh_gia',
        title: { vi: 'Đánh giá' },
        questions: [
          {
            id: 'tc1',
            type: 'likert5',
            factor: 'tiep_can',
            required: true,
            text: { vi: 'Thông tin tuyển sinh được công khai.' },
          },
          {
            id: 'bang',
            type: 'likert5_grid',
            required: true,
            text: { vi: 'Ông/Bà đánh giá các nội dung sau' },
            rows: [
              { id: 'g_tc', factor: 'tiep_can', text: { vi: 'Thủ tục nhập học thuận tiện.' } },
              { id: 'g_mt', factor: 'moi_truong', text: { vi: 'Trường an toàn, sạch đẹp.' } },
            ],
          },
        ],
      },
    ],
  };
}

export function typesSurvey(): TSurveyDefinition {
  return ZSurveyDefinition.parse(typesInput());
}

/** Stores the questionnaire as a start-up would, so campaigns can be opened with it. */
export async function storeTypesSurvey(t: TestApp): Promise<TSurveyDefinition> {
  const definition = typesSurvey();
  await syncSurveys(t.handle.db, t.clock, [
    { file: 'kieu-moi.json', definition, hash: definitionHash(definition) },
  ]);
  return definition;
}

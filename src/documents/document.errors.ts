import type { ErrorDef } from '../common/errors/app-error';

export const DocumentErrors = {
  NOT_FOUND: { code: 'DOCUMENT_NOT_FOUND', kind: 'NOT_FOUND', message: 'Không tìm thấy văn bản.' },
  NOT_LOCKED: {
    code: 'DOCUMENT_MEETING_NOT_FINALIZED',
    kind: 'CONFLICT',
    message: 'Chỉ lập văn bản từ kết quả hội nghị đã chốt.',
  },
} as const satisfies Record<string, ErrorDef>;

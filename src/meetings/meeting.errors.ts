import type { ErrorDef } from '../common/errors/app-error';

export const MeetingErrors = {
  NOT_FOUND: { code: 'MEETING_NOT_FOUND', kind: 'NOT_FOUND', message: 'Không tìm thấy hội nghị.' },
  EXISTS: {
    code: 'MEETING_EXISTS',
    kind: 'CONFLICT',
    message: 'Khối đã có hội nghị bình xét chính thức cho năm này (có thể tạo hội nghị diễn tập).',
  },
  LOCKED: {
    code: 'MEETING_LOCKED',
    kind: 'CONFLICT',
    message:
      'Kết quả hội nghị đã chốt; không thay đổi được. Muốn sửa phải lập đính chính kèm lý do.',
  },
  NOT_EDITABLE: {
    code: 'MEETING_NOT_EDITABLE',
    kind: 'CONFLICT',
    message: 'Hội nghị không còn ở giai đoạn sửa thông tin này.',
  },
  BAD_TRANSITION: {
    code: 'MEETING_BAD_TRANSITION',
    kind: 'CONFLICT',
    message: 'Không thể chuyển hội nghị sang bước này.',
  },
  ATTENDANCE_INVALID: {
    code: 'MEETING_ATTENDANCE_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Danh sách điểm danh không hợp lệ.',
  },
  ATTENDANCE_INCOMPLETE: {
    code: 'MEETING_ATTENDANCE_INCOMPLETE',
    kind: 'RULE_VIOLATION',
    message: 'Chưa điểm danh đủ các đơn vị thành viên.',
  },
  NOT_ALL_DECIDED: {
    code: 'MEETING_BALLOTS_PENDING',
    kind: 'RULE_VIOLATION',
    message: 'Còn phiếu bầu chưa có kết quả; chưa thể chốt kết quả hội nghị.',
  },
  RESULTS_SENT: {
    code: 'MEETING_RESULTS_SENT',
    kind: 'CONFLICT',
    message: 'Hồ sơ đề nghị đã gửi tỉnh; không đính chính biên bản tại khối được nữa.',
  },
  CORRECTION_PENDING: {
    code: 'MEETING_CORRECTION_PENDING',
    kind: 'CONFLICT',
    message:
      'Hội nghị đã có đề nghị đính chính đang chờ quản trị viên duyệt; chờ duyệt hoặc từ chối trước khi lập đề nghị khác.',
  },
  CORRECTION_REQUEST_NOT_FOUND: {
    code: 'CORRECTION_REQUEST_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy đề nghị đính chính của hội nghị này.',
  },
  CORRECTION_REQUEST_DECIDED: {
    code: 'CORRECTION_REQUEST_DECIDED',
    kind: 'CONFLICT',
    message: 'Đề nghị đính chính đã được duyệt hoặc từ chối; không xử lý lại được.',
  },
  CORRECTION_SELF_APPROVAL: {
    code: 'CORRECTION_SELF_APPROVAL',
    kind: 'FORBIDDEN',
    message:
      'Không thể tự duyệt hay từ chối đề nghị đính chính do chính mình lập: cần một quản trị viên khác (hai người).',
  },
  OFFICER_DECISION_INVALID: {
    code: 'MEETING_OFFICER_DECISION_INVALID',
    kind: 'RULE_VIOLATION',
    message:
      'Quyết định của hội nghị về trưởng, phó năm sau chưa đúng: xem từng lỗi (căn cứ, số phiếu).',
  },
  OFFICER_NOT_MEMBER: {
    code: 'MEETING_OFFICER_NOT_MEMBER',
    kind: 'RULE_VIOLATION',
    message:
      'Trưởng khối, phó khối năm sau phải là hai đơn vị thành viên khác nhau còn tồn tại năm sau.',
  },
  DATA_INVALID: {
    code: 'MEETING_DATA_INVALID',
    kind: 'INTERNAL',
    message:
      'Dữ liệu đã lưu của hội nghị hoặc phiếu bầu không đọc được (sai định dạng). Dữ liệu chưa được thay đổi; vui lòng báo quản trị viên.',
  },
  BALLOT_BAD_TRANSITION: {
    code: 'BALLOT_BAD_TRANSITION',
    kind: 'CONFLICT',
    message: 'Không thể chuyển phiếu bầu sang bước này.',
  },
  BALLOT_NOT_FOUND: {
    code: 'BALLOT_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy phiếu bầu.',
  },
  BALLOT_EXISTS: {
    code: 'BALLOT_EXISTS',
    kind: 'CONFLICT',
    message: 'Hội nghị đã có phiếu bầu cho hình thức khen thưởng này.',
  },
  BALLOT_NOMINEES_INVALID: {
    code: 'BALLOT_NOMINEES_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Danh sách đơn vị được bầu không hợp lệ.',
  },
  BALLOT_NO_QUORUM: {
    code: 'BALLOT_NO_QUORUM',
    kind: 'RULE_VIOLATION',
    message: 'Không đủ số thành viên có mặt theo quy định nên chưa mở được phiếu bầu.',
  },
  BALLOT_NOT_OPEN: {
    code: 'BALLOT_NOT_OPEN',
    kind: 'CONFLICT',
    message: 'Phiếu bầu không ở trạng thái nhập kết quả.',
  },
  BALLOT_NOT_DRAFT: {
    code: 'BALLOT_NOT_DRAFT',
    kind: 'CONFLICT',
    message: 'Phiếu bầu đã được mở.',
  },
  COUNTS_INVALID: {
    code: 'BALLOT_COUNTS_INVALID',
    kind: 'RULE_VIOLATION',
    message: 'Số liệu kiểm phiếu không hợp lệ.',
  },
  SAME_USER: {
    code: 'DOUBLE_ENTRY_SAME_USER',
    kind: 'CONFLICT',
    message: 'Lần nhập thứ hai phải do một người khác với người nhập lần thứ nhất thực hiện.',
  },
  ENTRIES_COMPLETE: {
    code: 'BALLOT_ENTRIES_COMPLETE',
    kind: 'CONFLICT',
    message: 'Đã có đủ hai lần nhập; hãy sửa lần nhập của mình nếu có chênh lệch.',
  },
  ENTRY_NOT_YOURS: {
    code: 'BALLOT_ENTRY_NOT_YOURS',
    kind: 'CONFLICT',
    message: 'Chỉ người đã nhập mới được sửa lần nhập đó.',
  },
  ENTRY_NOT_FOUND: {
    code: 'BALLOT_ENTRY_NOT_FOUND',
    kind: 'NOT_FOUND',
    message: 'Không tìm thấy lần nhập này.',
  },
  TIE_NOT_PENDING: {
    code: 'BALLOT_NO_PENDING_TIE',
    kind: 'CONFLICT',
    message: 'Phiếu bầu không có hòa phiếu đang chờ xử lý theo cách này.',
  },
  TALLY_REFUSED: {
    code: 'BALLOT_TALLY_REFUSED',
    kind: 'RULE_VIOLATION',
    message: 'Không tính được kết quả từ số liệu đã nhập.',
  },
  BALLOT_TIER_NOT_FOR_BLOC: {
    code: 'BALLOT_TIER_NOT_FOR_BLOC',
    kind: 'RULE_VIOLATION',
    message: 'Cơ quan tổ chức của khối/cụm không đề nghị hình thức khen thưởng này.',
  },
} as const satisfies Record<string, ErrorDef>;

import type { Messages } from './messages';

export const messages: Messages = {
  lang: 'vi',
  tabReport: 'Báo cáo sự cố',
  tabStatus: 'Kiểm tra tình trạng',
  tabsLabel: 'Yêu cầu dịch vụ',
  language: 'Ngôn ngữ',

  loadingCategories: 'Đang tải danh mục…',
  loadCategoriesFailed: 'Chúng tôi không tải được danh sách danh mục.',
  retry: 'Thử lại',
  category: 'Danh mục',
  categoryHint: 'Hãy gõ một từ như “ổ gà”, hoặc mô tả sự cố. Hoặc dùng các phím mũi tên để xem tất cả danh mục.',
  showAllCategories: 'Hiện tất cả danh mục',
  otherGroup: 'Khác',
  startWithPhoto: 'Bắt đầu bằng ảnh',
  startWithLocation: 'Bắt đầu bằng vị trí',

  stepCount: (n, total) => `Bước ${n} trên ${total}:`,
  stepNames: { what: 'Sự cố', where: 'Vị trí', details: 'Chi tiết và liên lạc', review: 'Kiểm tra và gửi' },
  continue: 'Tiếp tục',
  back: 'Quay lại',
  loadingStep: 'Đang tải…',
  loadStepFailed: 'Không tải được phần này của biểu mẫu. Hãy kiểm tra kết nối internet rồi thử lại.',
  submit: 'Gửi',
  submitting: 'Đang gửi báo cáo của bạn…',
  errorSummaryTitle: 'Có lỗi',
  errorPrefix: 'Lỗi:',
  chooseCategory: 'Hãy chọn một danh mục cho sự cố.',

  unreachable: 'Chúng tôi không kết nối được với hệ thống của thành phố. Hãy kiểm tra kết nối internet rồi thử lại.',
};

/** The later steps' words: loaded with those steps. */
export const later = () => import('./vi.later');

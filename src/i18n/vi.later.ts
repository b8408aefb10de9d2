import type { LaterMessages } from './messages';

export const messages: LaterMessages = {
  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return 'Chúng tôi không kết nối được với hệ thống của thành phố. Hãy kiểm tra kết nối internet rồi thử lại.';
      case 'timeout':
        return 'Hệ thống của thành phố trả lời quá lâu. Vui lòng thử lại.';
      case 'rate-limited':
        return wait && wait > 90
          ? `Hệ thống của thành phố đang bận. Vui lòng đợi ${Math.ceil(wait / 60)} phút rồi thử lại.`
          : wait
            ? `Hệ thống của thành phố đang bận. Vui lòng đợi ${wait} giây rồi thử lại.`
            : 'Hệ thống của thành phố đang bận. Vui lòng đợi một phút rồi thử lại.';
      case 'not-found':
        return 'Hệ thống của thành phố không tìm thấy nội dung chúng tôi yêu cầu.';
      case 'forbidden':
        return 'Hệ thống của thành phố đã từ chối yêu cầu. Có thể biểu mẫu này chưa được thiết lập đúng.';
      case 'invalid-response':
        return 'Hệ thống của thành phố gửi về một câu trả lời mà chúng tôi không đọc được. Vui lòng thử lại sau.';
      case 'aborted':
        return 'Yêu cầu đã bị hủy.';
      case 'http':
        return status !== undefined && status < 500
          ? 'Hệ thống của thành phố không chấp nhận yêu cầu.'
          : 'Hệ thống của thành phố đang gặp sự cố. Vui lòng thử lại sau vài phút.';
    }
  },
  configProblem: 'Biểu mẫu yêu cầu dịch vụ này chưa được thiết lập đúng.',
  configDetail: (attribute, problem) =>
    `Thiết lập “${attribute}” có lỗi (${problem}). Quản trị viên của trang web có thể sửa lỗi này.`,
  endpointUnreachable:
    'Dành cho quản trị viên trang web: không thể kết nối từ trang này tới máy chủ trong thiết lập “endpoint”, hoặc máy chủ không cho phép trang này đọc câu trả lời của nó (tiêu đề CORS).',
  loadingQuestions: 'Đang tải câu hỏi cho danh mục này…',
  loadQuestionsFailed: 'Chúng tôi không tải được câu hỏi cho danh mục này.',
  questionsHeading: 'Về sự cố',
  optional: '(không bắt buộc)',
  chooseOne: 'Chọn một mục',
  addressSearchHint:
    'Hãy gõ địa chỉ hoặc tên địa điểm rồi chọn trong các gợi ý, hoặc tự mô tả địa điểm bằng lời của bạn.',
  addressSuggestions: 'Địa chỉ gợi ý',
  placesFound: (n) => `Tìm thấy ${n} địa chỉ. Dùng các phím mũi tên để chọn.`,
  placeChosen: (label) => `Đã đặt vị trí tại ${label}.`,
  pinNear: (label) => `Đã đặt ghim gần ${label}.`,
  nearbyTitle: (n) =>
    n === 1
      ? 'Có phải sự cố này không? Sự cố này đã được báo cáo'
      : `Có phải là một trong ${n} sự cố này không? Các sự cố này đã được báo cáo`,
  nearbyHint:
    'Nếu đúng, hãy theo dõi báo cáo đó thay vì gửi báo cáo mới: đội sửa chữa đã biết rồi. Nếu không, hãy tiếp tục ở bên dưới.',
  nearbyDetails: (meters, date, notes) =>
    [`cách ${meters} m`, date && `báo cáo ngày ${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `Đã được báo cáo: ${service}, cách ${meters} m`,
  trackInstead: 'Theo dõi báo cáo này',
  mapLabel: 'Bản đồ: chọn nơi có sự cố',
  mapInstructions:
    'Nhấp hoặc chạm vào bản đồ để đặt ghim tại nơi có sự cố, hoặc kéo ghim. Dùng bàn phím: các phím mũi tên để di chuyển bản đồ, + và − để phóng to, thu nhỏ, Enter để đặt ghim vào giữa bản đồ.',
  pinLabel: 'Vị trí của sự cố',
  mapLoading: 'Đang tải bản đồ…',
  requestMap: 'Bản đồ nơi có sự cố',
  setHere: 'Đặt vị trí tại đây (giữa bản đồ)',
  captchaLabel: 'Xác nhận bạn là người thật',
  captchaFailed: 'Không tải được bước xác nhận bạn là người thật. Hãy kiểm tra kết nối rồi thử lại.',
  mapUnavailable: 'Không hiển thị được bản đồ. Bạn vẫn có thể nhập vị trí vào các ô bên dưới.',
  pinPlaced: (lat, long) => `Đã đặt ghim tại ${lat}, ${long}.`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `Câu trả lời cho “${e.label}” phải là một con số.`;
      case 'answer':
        return `Hãy trả lời câu hỏi “${e.label}”.`;
      case 'outside':
        return 'Vị trí này nằm ngoài khu vực của thành phố. Hãy di chuyển ghim vào trong vùng có viền, hoặc kiểm tra lại tọa độ.';
      case 'location':
        return 'Hãy cho chúng tôi biết sự cố ở đâu: dùng vị trí của bạn, nhập tọa độ, hoặc nhập địa chỉ.';
      case 'lat':
        return 'Vĩ độ phải là một số từ -90 đến 90.';
      case 'long':
        return 'Kinh độ phải là một số từ -180 đến 180.';
      case 'description':
        return 'Hãy mô tả sự cố.';
      case 'descriptionLength':
        return 'Phần mô tả không được dài quá 4.000 ký tự.';
      case 'captcha':
        return 'Hãy hoàn tất bước xác nhận bạn là người thật.';
      case 'email':
        return 'Hãy nhập địa chỉ email có dạng như name@example.com, hoặc để trống.';
      default:
        return {
          email: 'Hãy nhập địa chỉ email của bạn.',
          firstName: 'Hãy nhập tên của bạn.',
          lastName: 'Hãy nhập họ của bạn.',
          phone: 'Hãy nhập số điện thoại của bạn.',
        }[e.field as 'email'];
    }
  },
  contactOptional: 'Không bắt buộc.',
  contactRequired: 'Thành phố cần các ô có ghi “Bắt buộc” để xử lý báo cáo của bạn; các ô khác không bắt buộc.',
  required: 'Bắt buộc',
  anonymous: 'Báo cáo ẩn danh (thành phố sẽ không thể liên lạc với bạn về việc này)',
  remember: 'Ghi nhớ thông tin của tôi trên thiết bị này',
  copyReference: 'Sao chép mã số tham chiếu',
  copied: 'Đã sao chép.',
  photos: 'Ảnh',
  photosHint: (max) =>
    `Tối đa ${max} ảnh. Ảnh giúp đội sửa chữa tìm và khắc phục sự cố. Ảnh sẽ được thu nhỏ và dữ liệu vị trí ẩn trong ảnh sẽ được xóa trước khi gửi.`,
  takePhoto: 'Chụp ảnh',
  choosePhotos: 'Chọn ảnh',
  photoAlt: (n, name) => `Ảnh ${n}: ${name}`,
  removePhoto: (n) => `Xóa ảnh ${n}`,
  usePhotoLocation: 'Dùng vị trí của ảnh',
  photoLocationUsed: 'Nơi chụp ảnh giờ là vị trí của sự cố.',
  photoNoPlace: 'Ảnh này không cho biết nơi chụp. Hãy đặt ghim vào chỗ có sự cố.',
  suggestionsFor: 'Các danh mục phù hợp nhất với mô tả của bạn',
  categoriesFound: (n) => `Tìm thấy ${n} danh mục`,
  noCategoryFound: 'Không có danh mục nào phù hợp. Hãy thử từ khác, hoặc dùng các phím mũi tên để xem tất cả danh mục.',
  restored: 'Chúng tôi đã giữ lại báo cáo bạn đang làm dở.',
  discard: 'Bắt đầu lại',
  notHandledHere: 'Thành phố không xử lý việc này',
  call: (phone) => `Gọi ${phone}`,
  uploading: (name) => `Đang gửi ${name}…`,
  photoUploading: (n) => `Đang tải lên ảnh ${n}…`,
  photosUploading: (first, last) => `Đang tải lên các ảnh từ ${first} đến ${last}…`,
  photoAdded: (n) => `Đã thêm ảnh ${n}.`,
  uploadFailed: (name) => `Chưa gửi được ${name}.`,
  dismiss: 'Đóng',
  photoLimit: (max) => `Bạn có thể thêm tối đa ${max} ảnh. Hãy xóa một ảnh để thêm ảnh khác.`,
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `“${name}” không phải là ảnh. Hãy chọn ảnh JPEG, PNG hoặc loại ảnh tương tự.`
      : problem === 'too-large'
        ? `“${name}” quá lớn (trên 25 MB).`
        : `Không đọc được “${name}”. Hãy thử ảnh khác, hoặc một bản sao JPEG hay PNG của ảnh đó.`,
  locationHeading: 'Vị trí',
  locationHint: 'Dùng vị trí của bạn, nhập tọa độ, hoặc mô tả địa điểm.',
  useMyLocation: 'Dùng vị trí của tôi',
  locating: 'Đang tìm vị trí của bạn…',
  located: (m) => `Đã tìm thấy vị trí, chính xác trong khoảng ${Math.round(m)} mét.`,
  locationDenied: 'Trình duyệt của bạn không chia sẻ vị trí. Bạn có thể nhập địa chỉ thay vào đó.',
  locationUnavailable: 'Không tìm được vị trí của bạn. Bạn có thể nhập địa chỉ thay vào đó.',
  locationTimeout:
    'Tìm vị trí của bạn mất quá nhiều thời gian. Hãy thử lại ở ngoài trời hoặc gần cửa sổ, hoặc nhập địa chỉ thay vào đó.',
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
  address: 'Địa chỉ hoặc địa điểm',
  addressHint: 'Ví dụ: 120 Main Street, hoặc góc đường Oak Avenue và 3rd Street.',

  description: 'Mô tả',
  descriptionHint: 'Sự cố là gì, và chính xác ở chỗ nào?',
  charactersLeft: (n) => (n >= 0 ? `Còn ${n} ký tự` : `Thừa ${-n} ký tự`),

  contactHeading: 'Thông tin liên lạc của bạn',
  contactHint:
    'Thông tin của bạn chỉ được gửi cho thành phố, để liên lạc với bạn về báo cáo này; thông tin này không bao giờ được công khai. Phần mô tả, vị trí và ảnh của bạn có thể được hiển thị công khai.',
  email: 'Email',
  firstName: 'Tên',
  lastName: 'Họ',
  phone: 'Điện thoại',

  reviewIntro: 'Hãy kiểm tra báo cáo trước khi gửi. Bạn có thể thay đổi mọi thứ.',
  notGiven: 'Chưa cung cấp',
  change: 'Thay đổi',

  submittedTitle: 'Cảm ơn bạn, báo cáo của bạn đã được gửi',
  referenceIs: 'Mã số tham chiếu của bạn là',
  provisionalReference: 'Mã số tạm thời của bạn là',
  provisionalExplained:
    'Hệ thống của thành phố vẫn đang ghi nhận báo cáo của bạn. Mã số tham chiếu sẽ hiện ở đây trong giây lát.',
  submittedKeep: 'Hãy giữ mã số này để kiểm tra báo cáo của bạn sau này.',
  checkThisRequest: 'Kiểm tra tình trạng của báo cáo này',
  reportAnother: 'Báo cáo sự cố khác',
  submitFailed: 'Báo cáo của bạn chưa được gửi.',
  typedKept: 'Mọi thứ bạn đã nhập vẫn còn ở đây. Vui lòng thử lại.',

  referenceNumber: 'Mã số tham chiếu',
  referenceHint: 'Mã số bạn nhận được khi gửi báo cáo.',
  checkStatus: 'Kiểm tra tình trạng',
  checking: 'Đang kiểm tra…',
  enterReference: 'Hãy nhập mã số tham chiếu của báo cáo.',
  notFound: (id) =>
    `Chúng tôi không tìm thấy yêu cầu nào có mã số tham chiếu “${id}”. Hãy kiểm tra lại mã số rồi thử lại.`,
  requestTitle: (id) => `Yêu cầu ${id}`,
  status: 'Tình trạng',
  statusFamily: { open: 'Đang mở', 'in-progress': 'Đang xử lý', closed: 'Đã đóng' },
  notes: 'Ghi chú',
  agency: 'Cơ quan xử lý',
  service: 'Danh mục',
  place: 'Vị trí',
  requested: 'Ngày báo cáo',
  updated: 'Cập nhật lần cuối',
  expected: 'Dự kiến',

  serverSaid: (text) => `Hệ thống trả lời: ${text}`,

  referenceLooksLike: (pattern) => `Mã số tham chiếu có dạng như ${pattern}.`,
  overdue: 'Quá hạn',
  timeline: 'Diễn biến cho đến nay',
  requestPhoto: (service) => `Ảnh của sự cố đã báo cáo: ${service}`,
  linkToRequest: 'Đường liên kết đến yêu cầu này',
  copyLink: 'Sao chép đường liên kết',
  myRequests: 'Yêu cầu của tôi',
  myRequestsHint:
    'Các yêu cầu bạn đã gửi hoặc đã tra cứu trên thiết bị này. Chúng chỉ được lưu tại đây, trong trình duyệt này.',
  updatedBadge: 'Có cập nhật',
  removeRequest: (id) => `Xóa yêu cầu ${id} khỏi danh sách này`,
  removeAll: 'Xóa tất cả khỏi danh sách này',
  statusChanged: (id, status) => `Tình trạng của yêu cầu ${id} đã thay đổi: ${status}.`,
  statusFound: (id, status) => `Yêu cầu ${id}: ${status}.`,
  mapPinAt: (place) => `Ghim đánh dấu nơi sự cố được báo cáo: ${place}.`,
  lastKnown: (when) => `Tình trạng gần nhất được biết, tính đến ${when}. Hiện chưa cập nhật được.`,
  offline: 'Bạn đang ngoại tuyến. Hãy kết nối internet rồi thử lại.',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    'Báo cáo của bạn có thể đã đến thành phố nhưng chúng tôi không nhận được phản hồi, vì vậy khi bạn gửi lại, chúng tôi sẽ kiểm tra trước xem nó đã có ở đó chưa.',
  sendUnchecked:
    'Chúng tôi không kiểm tra được báo cáo của bạn đã đến thành phố chưa, nên nếu gửi lại thì có thể bị gửi hai lần: hãy chọn cách làm bên dưới.',
  sendOffline:
    'Bạn đang ngoại tuyến nên báo cáo chưa được gửi. Báo cáo được giữ trên thiết bị này: khi có mạng trở lại, hãy bấm Gửi để gửi đi.',
  sendBackOnline: 'Bạn đã có mạng trở lại. Báo cáo đã sẵn sàng: hãy bấm Gửi để gửi đi.',
  sendAnyway: 'Vẫn gửi',
  dontSend: 'Không gửi',
  waitingToSend: 'Đang chờ gửi',
  maybeSent: 'Có thể đã được gửi',
  noDraftStorage:
    'Trình duyệt này không cho phép chúng tôi giữ bản sao báo cáo của bạn, vì vậy hãy hoàn thành trước khi đóng trang này.',
};

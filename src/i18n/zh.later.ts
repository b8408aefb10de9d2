import type { LaterMessages } from './messages';

export const messages: LaterMessages = {
  backendError: (kind, status, wait) => {
    switch (kind) {
      case 'network':
        return '无法连接市政服务系统。请检查网络连接，然后重试。';
      case 'timeout':
        return '市政服务系统响应时间过长。请重试。';
      case 'rate-limited':
        return wait && wait > 90
          ? `市政服务系统正忙。请等待${Math.ceil(wait / 60)}分钟后重试。`
          : wait
            ? `市政服务系统正忙。请等待${wait}秒后重试。`
            : '市政服务系统正忙。请等待一分钟后重试。';
      case 'not-found':
        return '市政服务系统找不到所请求的内容。';
      case 'forbidden':
        return '市政服务系统拒绝了此请求。此表单的设置可能有误。';
      case 'invalid-response':
        return '市政服务系统返回的回复无法读取。请稍后重试。';
      case 'aborted':
        return '请求已取消。';
      case 'http':
        return status !== undefined && status < 500
          ? '市政服务系统没有接受此请求。'
          : '市政服务系统出现故障。请过几分钟再试。';
    }
  },
  configProblem: '此服务请求表单的设置有误。',
  configDetail: (attribute, problem) => `设置“${attribute}”有问题（${problem}）。网站管理员可以修复此问题。`,
  endpointUnreachable:
    '致网站管理员：无法从此页面连接到“endpoint”设置中的服务器，或该服务器不允许此页面读取其响应（CORS 标头）。',
  loadingQuestions: '正在加载此类别的问题…',
  loadQuestionsFailed: '无法加载此类别的问题。',
  questionsHeading: '关于这个问题',
  optional: '（选填）',
  chooseOne: '请选择一项',
  addressSearchHint: '请输入地址或地点，然后从建议中选择；也可以用自己的话描述地点。',
  addressSuggestions: '建议的地址',
  placesFound: (n) => `找到${n}个地址。请用方向键选择。`,
  placeChosen: (label) => `位置已设为：${label}。`,
  pinNear: (label) => `标记已放在${label}附近。`,
  nearbyTitle: (n) => (n === 1 ? '是这个问题吗？已经有人报告了' : `是这${n}个问题之一吗？已经有人报告了`),
  nearbyHint: '如果是，请关注那份报告，不用再发送新报告：工作人员已经知道了。如果不是，请继续填写下方内容。',
  nearbyDetails: (meters, date, notes) =>
    [`距离${meters}米`, date && `报告于${date}`, notes].filter(Boolean).join(' · '),
  nearbyMarker: (service, meters) => `已有人报告：${service}，距离${meters}米`,
  trackInstead: '改为关注此报告',
  mapLabel: '地图：选择问题所在位置',
  mapInstructions:
    '点击或轻触地图，把标记放在问题所在位置，也可以拖动标记。使用键盘时：方向键移动地图，+ 和 − 缩放，Enter 键把标记放在地图中心。',
  pinLabel: '问题所在位置',
  mapLoading: '正在加载地图…',
  requestMap: '问题所在位置的地图',
  setHere: '将位置设在此处（地图中心）',
  captchaLabel: '确认您是真人',
  captchaFailed: '无法加载真人验证。请检查网络连接，然后重试。',
  mapUnavailable: '无法显示地图。您仍然可以在下方栏目中填写位置。',
  pinPlaced: (lat, long) => `标记已放在${lat}, ${long}。`,
  laterFieldError: (e) => {
    switch (e.code) {
      case 'number':
        return `“${e.label}”的答案必须是数字。`;
      case 'answer':
        return `请回答问题“${e.label}”。`;
      case 'outside':
        return '此位置不在本市范围内。请把标记移到轮廓线以内，或检查坐标。';
      case 'location':
        return '请告诉我们问题在哪里：使用您的位置、输入坐标，或输入地址。';
      case 'lat':
        return '纬度必须是-90到90之间的数字。';
      case 'long':
        return '经度必须是-180到180之间的数字。';
      case 'description':
        return '请描述问题。';
      case 'descriptionLength':
        return '描述不能超过4000个字符。';
      case 'captcha':
        return '请完成真人验证。';
      case 'email':
        return '请输入电子邮件地址，例如 name@example.com，或者留空。';
      default:
        return {
          email: '请输入您的电子邮件地址。',
          firstName: '请输入您的名字。',
          lastName: '请输入您的姓氏。',
          phone: '请输入您的电话号码。',
        }[e.field as 'email'];
    }
  },
  contactOptional: '选填。',
  contactRequired: '标有“必填”的栏目是市政府处理您的报告所需要的；其他栏目为选填。',
  required: '必填',
  anonymous: '匿名报告（市政府将无法就此事联系您）',
  remember: '在此设备上记住我的信息',
  copyReference: '复制受理编号',
  copied: '已复制。',
  photos: '照片',
  photosHint: (max) =>
    `最多${max}张。照片能帮助工作人员找到并修复问题。照片在发送前会被缩小，其中隐藏的位置信息也会被删除。`,
  takePhoto: '拍照',
  choosePhotos: '选择照片',
  photoAlt: (n, name) => `照片${n}：${name}`,
  removePhoto: (n) => `删除照片${n}`,
  usePhotoLocation: '使用照片的拍摄位置',
  photoLocationUsed: '照片的拍摄地点现已设为问题所在位置。',
  photoNoPlace: '这张照片没有记录拍摄地点。请把标记放在问题所在的地方。',
  suggestionsFor: '与您的描述最相符的类别',
  categoriesFound: (n) => `找到${n}个类别`,
  noCategoryFound: '没有相符的类别。请换个词试试，或用方向键查看所有类别。',
  restored: '我们已为您保留之前填写的报告。',
  discard: '重新开始',
  notHandledHere: '此问题不由市政府处理',
  call: (phone) => `请拨打 ${phone}`,
  uploading: (name) => `正在发送“${name}”…`,
  photoUploading: (n) => `正在上传第 ${n} 张照片…`,
  photosUploading: (first, last) => `正在上传第 ${first} 至 ${last} 张照片…`,
  photoAdded: (n) => `已添加第 ${n} 张照片。`,
  uploadFailed: (name) => `“${name}”未能发送。`,
  dismiss: '关闭',
  photoLimit: (max) => `最多可以添加${max}张照片。请先删除一张，再添加新的。`,
  photoRefused: (name, problem) =>
    problem === 'not-an-image'
      ? `“${name}”不是照片。请选择 JPEG、PNG 或类似格式的图片。`
      : problem === 'too-large'
        ? `“${name}”太大（超过25 MB）。`
        : `无法读取“${name}”。请换一张照片，或者使用它的 JPEG 或 PNG 副本。`,
  locationHeading: '位置',
  locationHint: '请使用您的位置、输入坐标，或描述地点。',
  useMyLocation: '使用我的位置',
  locating: '正在查找您的位置…',
  located: (m) => `已找到位置，误差约${Math.round(m)}米。`,
  locationDenied: '您的浏览器没有共享您的位置。您可以改为输入地址。',
  locationUnavailable: '无法找到您的位置。您可以改为输入地址。',
  locationTimeout: '查找您的位置用时过长。请到室外或靠近窗户再试一次，或者改为输入地址。',
  latitude: '纬度',
  longitude: '经度',
  address: '地址或地点',
  addressHint: '例如：120 Main Street，或 Oak Avenue 与 3rd Street 的路口。',

  description: '描述',
  descriptionHint: '是什么问题？具体在哪里？',
  charactersLeft: (n) => (n >= 0 ? `还可以输入${n}个字符` : `超出${-n}个字符`),

  contactHeading: '您的联系方式',
  contactHint: '您的信息只发给市政府，用于就此报告联系您，绝不会公开。您的描述、位置和照片可能会公开显示。',
  email: '电子邮件',
  firstName: '名字',
  lastName: '姓氏',
  phone: '电话',

  reviewIntro: '发送前请检查您的报告。所有内容都可以修改。',
  notGiven: '未填写',
  change: '修改',

  submittedTitle: '谢谢，您的报告已发送',
  referenceIs: '您的受理编号是',
  provisionalReference: '您的临时编号是',
  provisionalExplained: '市政系统仍在登记您的报告。受理编号稍后会显示在这里。',
  submittedKeep: '请保存这个编号，以便日后查询报告进度。',
  checkThisRequest: '查询此报告的状态',
  reportAnother: '报告其他问题',
  submitFailed: '您的报告没有发送成功。',
  typedKept: '您填写的内容都还在。请重试。',

  referenceNumber: '受理编号',
  referenceHint: '您发送报告时得到的编号。',
  checkStatus: '查询状态',
  checking: '正在查询…',
  enterReference: '请输入报告的受理编号。',
  notFound: (id) => `找不到受理编号为“${id}”的请求。请检查编号后重试。`,
  requestTitle: (id) => `请求 ${id}`,
  status: '状态',
  statusFamily: { open: '待处理', 'in-progress': '处理中', closed: '已结案' },
  notes: '备注',
  agency: '处理部门',
  service: '类别',
  place: '位置',
  requested: '报告时间',
  updated: '最近更新',
  expected: '预计完成',

  serverSaid: (text) => `服务系统回复：${text}`,

  referenceLooksLike: (pattern) => `受理编号的格式如：${pattern}。`,
  overdue: '已逾期',
  timeline: '处理经过',
  requestPhoto: (service) => `所报告问题的照片：${service}`,
  linkToRequest: '此请求的链接',
  copyLink: '复制链接',
  myRequests: '我的请求',
  myRequestsHint: '您在此设备上发送或查询过的请求。它们只保存在这里，也就是这个浏览器中。',
  updatedBadge: '有更新',
  removeRequest: (id) => `从此列表中删除请求 ${id}`,
  removeAll: '从此列表中全部删除',
  statusChanged: (id, status) => `请求 ${id} 的状态已更改：${status}。`,
  statusFound: (id, status) => `请求 ${id}：${status}。`,
  mapPinAt: (place) => `图钉标出了问题的报告位置：${place}。`,
  lastKnown: (when) => `这是截至${when}的最新已知状态。目前暂时无法更新。`,
  offline: '您目前处于离线状态。请连接网络后重试。',
  // Nothing lost, never twice (issue #15).
  sendUnsure:
    '您的报告可能已经送达市政部门，但我们没有收到回复；您再次发送时，我们会先检查它是否已经在系统里，以免重复。',
  sendUnchecked: '我们无法确认您的报告是否已送达市政部门，再次发送可能会重复提交，请在下面选择。',
  sendOffline: '您目前处于离线状态，报告未发送。报告已保存在此设备上：恢复联网后，请按“提交”发送。',
  sendBackOnline: '您已恢复联网。报告已准备好：请按“提交”发送。',
  sendAnyway: '仍然发送',
  dontSend: '不发送',
  waitingToSend: '等待发送',
  maybeSent: '可能已发送',
  noDraftStorage: '此浏览器不允许我们保存您报告的副本，请在关闭本页之前完成填写。',
};

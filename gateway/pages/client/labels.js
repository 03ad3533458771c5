/* Vietnamese labels of LiênThông's vocabularies, for its pages. */
(function (LT) {
  'use strict';

  LT.labels = {
    roles: {
      citizen: 'Công dân',
      'province-officer': 'Cán bộ bộ phận một cửa cấp tỉnh',
      'province-analyst': 'Chuyên viên phân tích cấp tỉnh',
      'ministry-analyst': 'Chuyên viên phân tích cấp bộ',
      'civil-service-manager': 'Cán bộ quản lý công chức (Sở Nội vụ)',
      'payments-officer': 'Cán bộ nền tảng thanh toán',
      auditor: 'Thanh tra',
      'data-steward': 'Bộ phận quản lý chất lượng dữ liệu',
    },
    databases: {
      residents: 'CSDL quốc gia về dân cư',
      'civil-servants': 'CSDL cán bộ, công chức, viên chức',
      'public-services': 'Cổng Dịch vụ công quốc gia',
      payments: 'Nền tảng thanh toán',
      audit: 'Nhật ký truy cập',
    },
    dossierStatus: {
      NEW: 'Mới nộp',
      RECEIVED: 'Đã tiếp nhận',
      REJECTED: 'Từ chối tiếp nhận',
      PROCESSING: 'Đang xử lý',
      ADDITIONAL_DOCUMENTS_REQUESTED: 'Yêu cầu bổ sung',
      PAYMENT_REQUESTED: 'Chờ nộp phí',
      WITHDRAWN: 'Đã rút',
      STOPPED: 'Dừng xử lý',
      COMPLETED: 'Đã giải quyết',
      RESULT_RETURNED: 'Đã trả kết quả',
    },
    paymentStatus: { PENDING: 'Đang chờ', PAID: 'Đã thanh toán', FAILED: 'Thất bại', REFUNDED: 'Đã hoàn tiền', CANCELLED: 'Đã hủy' },
    methods: { BANK_TRANSFER: 'Chuyển khoản', E_WALLET: 'Ví điện tử', CARD: 'Thẻ', CASH: 'Tiền mặt' },
    sex: { MALE: 'Nam', FEMALE: 'Nữ' },
    marital: { SINGLE: 'Độc thân', MARRIED: 'Đã kết hôn', DIVORCED: 'Ly hôn', WIDOWED: 'Góa' },
    relationship: { HEAD: 'Chủ hộ', SPOUSE: 'Vợ/chồng', CHILD: 'Con', PARENT: 'Cha/mẹ' },
    granularity: { MONTH: 'Tháng', QUARTER: 'Quý', YEAR: 'Năm' },
    fields: {
      'Citizen.fullName': 'Họ và tên',
      'Citizen.address': 'Địa chỉ thường trú',
      'Citizen.ethnicity': 'Dân tộc',
      'Citizen.father': 'Cha',
      'Citizen.mother': 'Mẹ',
      'Citizen.spouse': 'Vợ/chồng',
      'CivilServant.position': 'Chức vụ',
      'CivilServant.rank': 'Ngạch',
      'CivilServant.agency': 'Cơ quan công tác',
      'CivilServant.personalId': 'Cán bộ, công chức (số định danh)',
      'Dossier.communeCode': 'Xã, phường của hồ sơ',
      'Dossier.applicant': 'Người nộp hồ sơ',
      'Dossier.handler': 'Cán bộ xử lý hồ sơ',
      'Payment.intermediary': 'Tổ chức trung gian thanh toán',
      'Payment.payer': 'Người nộp phí',
      'Payment.dossier': 'Hồ sơ của khoản phí',
    },
  };

  /** A label, or the code itself when there is none. */
  LT.label = function (vocabulary, code) {
    return (LT.labels[vocabulary] && LT.labels[vocabulary][code]) || code || '—';
  };

  LT.provinceName = function (code) {
    var found = LT.config.provinces.filter(function (p) {
      return p.code === code;
    })[0];
    return found ? found.name : code;
  };
})((window.LT = window.LT || {}));

/**
 * The 25 essential online public services (Directive 24/CT-TTg, 2025). Codes are LiênThông's
 * own; fees are illustrative national rates in whole VND (provinces set some of them) and
 * `processingDays` is the legal processing time in working days.
 */
export interface ProcedureSpec {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly sector: string;
  readonly fee: number;
  readonly processingDays: number;
  /**
   * Filed only in the province where the applicant currently resides: the procedure is about that
   * residence itself (an absence from it, a child registered into it, the household living in it).
   */
  readonly residenceBound?: true;
  /** Relative demand, used to draw synthetic dossiers. */
  readonly weight: number;
}

export const ESSENTIAL_PROCEDURES: readonly ProcedureSpec[] = [
  { code: 'DVC01', name: 'Xác nhận số Chứng minh nhân dân 9 số', nameEn: 'Confirmation of the old 9-digit ID number', sector: 'Identification', fee: 0, processingDays: 3, weight: 4 },
  { code: 'DVC02', name: 'Cấp lại thẻ căn cước', nameEn: 'Re-issue of the ID card', sector: 'Identification', fee: 70_000, processingDays: 7, weight: 6 },
  { code: 'DVC03', name: 'Đăng ký thường trú', nameEn: 'Permanent residence registration', sector: 'Residence', fee: 20_000, processingDays: 7, weight: 8 },
  { code: 'DVC04', name: 'Đăng ký tạm trú', nameEn: 'Temporary residence registration', sector: 'Residence', fee: 15_000, processingDays: 3, weight: 9 },
  { code: 'DVC05', name: 'Khai báo tạm vắng', nameEn: 'Temporary-absence declaration', sector: 'Residence', fee: 0, processingDays: 1, residenceBound: true, weight: 2 },
  { code: 'DVC06', name: 'Thông báo lưu trú', nameEn: 'Stay notification', sector: 'Residence', fee: 0, processingDays: 1, weight: 7 },
  { code: 'DVC07', name: 'Đăng ký xe mô tô, xe gắn máy', nameEn: 'Motorbike registration', sector: 'Traffic', fee: 150_000, processingDays: 2, weight: 6 },
  { code: 'DVC08', name: 'Nộp phạt vi phạm giao thông phát hiện qua camera', nameEn: 'Camera-detected traffic fines', sector: 'Traffic', fee: 0, processingDays: 1, weight: 5 },
  { code: 'DVC09', name: 'Cấp hộ chiếu phổ thông', nameEn: 'Passport issue', sector: 'Exit and entry', fee: 200_000, processingDays: 8, weight: 3 },
  { code: 'DVC10', name: 'Cấp Phiếu lý lịch tư pháp', nameEn: 'Judicial record certificate', sector: 'Justice', fee: 200_000, processingDays: 10, weight: 4 },
  { code: 'DVC11', name: 'Đăng ký mẫu con dấu mới', nameEn: 'Registration of a new seal', sector: 'Public order', fee: 50_000, processingDays: 3, weight: 1 },
  { code: 'DVC12', name: 'Đăng ký lại, đổi, cấp lại con dấu', nameEn: 'Re-registration or replacement of a seal', sector: 'Public order', fee: 50_000, processingDays: 3, weight: 1 },
  { code: 'DVC13', name: 'Cấp, đổi giấy phép lái xe', nameEn: 'Driving licence issue or renewal', sector: 'Traffic', fee: 135_000, processingDays: 5, weight: 5 },
  { code: 'DVC14', name: 'Đăng ký khai sinh', nameEn: 'Birth registration', sector: 'Civil status', fee: 0, processingDays: 1, weight: 5 },
  { code: 'DVC15', name: 'Đăng ký khai tử', nameEn: 'Death registration', sector: 'Civil status', fee: 0, processingDays: 1, weight: 2 },
  { code: 'DVC16', name: 'Đăng ký kết hôn', nameEn: 'Marriage registration', sector: 'Civil status', fee: 0, processingDays: 3, weight: 3 },
  { code: 'DVC17', name: 'Liên thông khai sinh – thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi', nameEn: 'Combined birth, residence and health-insurance card for children under 6', sector: 'Civil status', fee: 0, processingDays: 10, residenceBound: true, weight: 4 },
  { code: 'DVC18', name: 'Liên thông khai tử – xóa đăng ký thường trú – hỗ trợ mai táng phí', nameEn: 'Combined death, residence deregistration and funeral allowance', sector: 'Civil status', fee: 0, processingDays: 10, weight: 1 },
  { code: 'DVC19', name: 'Đăng ký biến động quyền sử dụng đất', nameEn: 'Land-use-right change registration', sector: 'Land', fee: 100_000, processingDays: 10, weight: 3 },
  { code: 'DVC20', name: 'Đăng ký thuế hộ gia đình', nameEn: 'Household tax registration', sector: 'Tax', fee: 0, processingDays: 3, weight: 2 },
  { code: 'DVC21', name: 'Gia hạn thẻ bảo hiểm y tế theo hộ gia đình', nameEn: 'Household health-insurance renewal', sector: 'Social insurance', fee: 1_263_600, processingDays: 5, residenceBound: true, weight: 4 },
  { code: 'DVC22', name: 'Cấp điện mới từ lưới điện hạ áp', nameEn: 'New low-voltage electricity connection', sector: 'Electricity', fee: 0, processingDays: 4, weight: 2 },
  { code: 'DVC23', name: 'Thay đổi chủ thể hợp đồng mua bán điện', nameEn: 'Change of electricity contract holder', sector: 'Electricity', fee: 0, processingDays: 3, weight: 1 },
  { code: 'DVC24', name: 'Đăng ký dự thi tốt nghiệp THPT và xét tuyển đại học', nameEn: 'High-school exam and university admission registration', sector: 'Education', fee: 20_000, processingDays: 5, weight: 3 },
  { code: 'DVC25', name: 'Giải quyết hưởng trợ cấp thất nghiệp', nameEn: 'Unemployment benefit', sector: 'Employment', fee: 0, processingDays: 20, weight: 2 },
];

const byCode = new Map(ESSENTIAL_PROCEDURES.map((p) => [p.code, p]));

export const procedureByCode = (code: string): ProcedureSpec | undefined => byCode.get(code);

export const isResidenceBound = (procedure: ProcedureSpec): boolean => procedure.residenceBound === true;

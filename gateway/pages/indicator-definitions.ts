/**
 * What each indicator of the dashboard means, in the words the page shows (Vietnamese). The
 * page reads the definitions from here (its config), so the text and the figures cannot drift.
 */
export const INDICATOR_DEFINITIONS = [
  { key: 'population', title: 'Dân số', definition: 'Người đang sống có nơi thường trú tại tỉnh vào ngày cuối của kỳ (không tính người đã mất).' },
  {
    key: 'civilServants',
    title: 'Cán bộ, công chức, viên chức',
    definition: 'Người đang trong danh sách của các cơ quan đặt tại tỉnh (cơ quan trung ương tính tại Hà Nội) và đã vào làm từ ngày cuối của kỳ trở về trước.',
  },
  { key: 'received', title: 'Hồ sơ tiếp nhận', definition: 'Hồ sơ thủ tục hành chính nộp trong kỳ, theo ngày nộp (giờ Việt Nam).' },
  { key: 'onlineShare', title: 'Tỷ lệ nộp trực tuyến', definition: 'Số hồ sơ nộp trực tuyến chia cho số hồ sơ tiếp nhận trong kỳ.' },
  {
    key: 'onTimeRate',
    title: 'Tỷ lệ giải quyết đúng hạn',
    definition: 'Trong các hồ sơ tiếp nhận trong kỳ đã giải quyết xong, tỷ lệ hồ sơ xong trước hoặc đúng hạn.',
  },
  {
    key: 'overdue',
    title: 'Hồ sơ quá hạn',
    definition: 'Trong các hồ sơ tiếp nhận trong kỳ: hồ sơ giải quyết trễ hạn, hoặc chưa giải quyết mà đã quá hạn tính đến hôm nay.',
  },
  {
    key: 'amountPaid',
    title: 'Phí, lệ phí đã thu',
    definition: 'Tổng tiền phí, lệ phí được xác nhận đã thanh toán trong kỳ, theo ngày xác nhận; khoản đã hoàn tiền không tính. Chia theo phương thức thanh toán.',
  },
] as const;

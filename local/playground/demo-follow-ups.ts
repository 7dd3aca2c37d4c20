/** The demo team and its follow-ups as typed into the sheet, around Friday 2026-11-27: overdue, due today, upcoming, won and lost. */

/** Team sheet rows below the header: name, email, role, manager's email, reminders, email language. 王芳 manages the reps and, as the admin, configures the reminder channel. */
// biome-ignore format: one member per line reads like the sheet
export const DEMO_TEAM = [
  ["王芳", "wang.fang@example.com", "管理员", "", true, "zh"],
  ["李雷", "li.lei@example.com", "销售", "wang.fang@example.com", true, "zh"],
  ["韩梅梅", "han.meimei@example.com", "销售", "wang.fang@example.com", true, "zh"],
  ["Ann Lee", "ann.lee@example.com", "rep", "wang.fang@example.com", true, "en"],
  ["Tom Baker", "tom.baker@example.com", "rep", "wang.fang@example.com", true, "en"],
];

/**
 * Follow-ups: customer, contact, contact info, date, method, need, summary, stage, next step, next date, owner,
 * source, score. A customer's older rows come first: Sync marks them superseded once a newer one exists.
 */
// biome-ignore format: one follow-up per line reads like the sheet
export const DEMO_FOLLOW_UPS: readonly (readonly (string | number)[])[] = [
  // Overdue.
  ["上海某科技", "张总", "13800138001", "2026/11/10", "电话", "年度软件采购", "介绍了标准版", "需求确认", "发方案", "2026/11/14", "李雷", "展会", 3],
  ["上海某科技", "张总", "13800138001", "2026/11/16", "面访", "年度软件采购", "上门演示，客户关心价格", "已报价", "确认报价反馈", "2026/11/20", "李雷", "展会", 4],
  ["北京某贸易", "刘经理", "13900139002", "2026/11/18", "微信", "仓储管理系统", "发了案例", "待回访", "电话回访", "2026/11/24", "李雷", "官网", 3],
  ["广州某制造", "陈主任", "13700137003", "2026/11/12", "邮件", "产线数据采集", "发送了技术白皮书", "需求确认", "约技术交流", "2026/11/19", "韩梅梅", "线上推广", 2],
  ["深圳某电子", "周工", "13600136004", "2026/11/20", "视频会议", "质检系统升级", "远程演示", "谈判中", "商务谈判", "2026/11/25", "韩梅梅", "老客户转介绍", 5],
  ["Globex", "Hank Scorpio", "+1 415 555 0100", "2026/11/17", "邮件", "40 seats, annual plan", "Sent the deck", "已报价", "Chase the quote", "2026/11/23", "Ann Lee", "官网", 4],
  ["Initech", "Bill Lumbergh", "+1 212 555 0199", "2026/11/19", "电话", "Replace TPS reporting", "Discovery call", "需求确认", "Send a proposal", "2026/11/26", "Tom Baker", "电话营销", 3],
  ["杭州某网络", "孙总", "13500135005", "2026/11/05", "电话", "客服系统", "初步沟通", "新线索", "再次联系", "2026/11/09", "王芳", "电话营销", 2],
  ["Umbrella Corp", "Alice Abernathy", "alice@umbrella.example", "2026/11/13", "视频会议", "Lab inventory tracking", "Demo to the lab leads", "谈判中", "Send the contract draft", "2026/11/21", "Ann Lee", "展会", 4],
  // Due today.
  ["成都某餐饮", "赵店长", "13400134006", "2026/11/20", "面访", "门店收银系统", "试用两周", "签约中", "确认合同条款", "2026/11/27", "李雷", "老客户转介绍", 5],
  ["南京某物流", "钱经理", "13300133007", "2026/11/23", "电话", "车队调度", "沟通了需求", "待回访", "电话回访", "2026/11/27", "韩梅梅", "线上推广", 3],
  ["Hooli", "Gavin Belson", "gavin@hooli.example", "2026/11/24", "邮件", "Data pipeline audit", "Sent two options", "已报价", "Call about the options", "2026/11/27", "Tom Baker", "官网", 3],
  ["Stark Industries", "Pepper Potts", "+1 310 555 0142", "2026/11/25", "视频会议", "Supplier portal", "Scoped the pilot", "需求确认", "Confirm the pilot scope", "2026/11/27", "Ann Lee", "老客户转介绍", 5],
  ["苏州某材料", "吴总", "13200132008", "2026/11/24", "微信", "ERP 对接", "发了接口文档", "谈判中", "确认价格", "2026/11/27", "王芳", "展会", 4],
  // Upcoming.
  ["天津某化工", "郑工", "13100131009", "2026/11/25", "电话", "安全巡检系统", "了解现状", "需求确认", "发产品手册", "2026/11/28", "李雷", "电话营销", 3],
  ["武汉某医药", "冯主任", "13000130010", "2026/11/26", "面访", "冷链监控", "现场考察", "已报价", "跟进报价", "2026/11/30", "李雷", "展会", 4],
  ["西安某教育", "卫老师", "15900159011", "2026/11/26", "微信", "排课系统", "发了试用账号", "待回访", "回访试用情况", "2026/12/1", "韩梅梅", "官网", 3],
  ["重庆某汽配", "蒋经理", "15800158012", "2026/11/27", "电话", "库存管理", "电话介绍", "新线索", "约面谈", "2026/12/2", "韩梅梅", "线上推广", 2],
  ["Wayne Enterprises", "Lucius Fox", "lucius@wayne.example", "2026/11/26", "视频会议", "R&D project tracking", "Walked through the roadmap", "谈判中", "Send revised pricing", "2026/11/30", "Ann Lee", "展会", 5],
  ["Cyberdyne", "Miles Dyson", "+1 408 555 0177", "2026/11/25", "邮件", "Model registry", "Answered security questions", "已报价", "Follow up on security review", "2026/12/3", "Tom Baker", "线上推广", 3],
  ["Soylent", "Sol Roth", "sol@soylent.example", "2026/11/27", "电话", "Order tracking", "First call", "新线索", "Book a demo", "2026/12/4", "Tom Baker", "电话营销", 2],
  ["青岛某海产", "沈总", "15700157013", "2026/11/24", "面访", "溯源系统", "拜访工厂", "签约中", "寄送合同", "2026/11/29", "王芳", "老客户转介绍", 5],
  ["厦门某贸易", "韩经理", "15600156014", "2026/11/27", "微信", "报关单据管理", "加了微信", "新线索", "发资料", "2026/12/5", "李雷", "线上推广", 2],
  ["Acme", "Wile Coyote", "wile@acme.example", "2026/11/23", "邮件", "Field service app", "Shared references", "需求确认", "Schedule a workshop", "2026/12/8", "Ann Lee", "官网", 3],
  ["长沙某食品", "杨厂长", "15500155015", "2026/11/26", "电话", "生产排程", "了解产能", "需求确认", "发方案", "2026/12/9", "韩梅梅", "展会", 3],
  // Won.
  ["宁波某港务", "朱总", "15400154016", "2026/11/02", "面访", "集装箱调度", "签约完成", "已成交", "安排实施", "2026/12/15", "李雷", "老客户转介绍", 5],
  ["无锡某纺织", "秦经理", "15300153017", "2026/11/11", "电话", "订单管理", "合同已回签", "已成交", "", "", "韩梅梅", "展会", 5],
  ["Vandelay Industries", "Art Vandelay", "art@vandelay.example", "2026/11/18", "邮件", "Import/export tracking", "Signed the annual plan", "已成交", "Kick-off call", "2026/12/1", "Ann Lee", "老客户转介绍", 5],
  ["合肥某家电", "尤总", "15200152018", "2026/11/20", "视频会议", "售后工单", "确认采购", "已成交", "", "", "王芳", "官网", 4],
  ["Dunder Mifflin", "Michael Scott", "+1 570 555 0123", "2026/11/24", "电话", "Paper orders portal", "Verbal yes, PO received", "已成交", "Onboarding", "2026/11/30", "Tom Baker", "电话营销", 4],
  ["福州某茶业", "许总", "15100151019", "2026/11/06", "面访", "会员系统", "签约", "已成交", "", "", "李雷", "线上推广", 4],
  // Lost.
  ["大连某船舶", "何经理", "15000150020", "2026/11/09", "电话", "设备维保", "客户选择了竞品", "已流失", "", "", "韩梅梅", "电话营销", 2],
  ["Massive Dynamic", "Nina Sharp", "nina@massive.example", "2026/11/12", "邮件", "Research portal", "Budget cut for next year", "已流失", "Check back in Q2", "2027/4/1", "Ann Lee", "展会", 2],
  ["昆明某旅游", "吕经理", "18900189021", "2026/11/16", "微信", "票务系统", "预算不足，暂停", "已流失", "", "", "李雷", "线上推广", 1],
  ["Oscorp", "Norman Osborn", "+1 212 555 0166", "2026/11/19", "视频会议", "Lab scheduling", "Went with the incumbent", "已流失", "", "", "Tom Baker", "官网", 2],
  ["郑州某建材", "施总", "18800188022", "2026/11/21", "电话", "工程项目管理", "客户内部自研", "已流失", "", "", "王芳", "展会", 2],
  // More open work, so every rep has a mix.
  ["济南某机械", "张经理", "18700187023", "2026/11/19", "电话", "设备租赁管理", "发了报价", "已报价", "电话确认", "2026/11/22", "韩梅梅", "老客户转介绍", 3],
  ["Tyrell Corp", "Rachael Tyrell", "rachael@tyrell.example", "2026/11/26", "视频会议", "Asset register", "Demo went well", "谈判中", "Send the order form", "2026/12/2", "Tom Baker", "展会", 4],
  ["沈阳某重工", "孔主任", "18600186024", "2026/11/25", "面访", "焊接质量追溯", "现场调研", "需求确认", "提交方案", "2026/12/7", "王芳", "电话营销", 3],
  ["Aperture Science", "Cave Johnson", "cave@aperture.example", "2026/11/20", "电话", "Test chamber booking", "Call back requested", "待回访", "Call back", "2026/11/25", "Ann Lee", "电话营销", 3],
];

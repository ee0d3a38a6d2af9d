//! `cargo run --example sample_workbooks -- DIR`: writes the sample batch's
//! three workbooks (made-up departments, in the province's template) into
//! DIR. Their output is committed in `sample-data/`; run this again after
//! changing them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a developer's tool: a failure stops it with why

#[allow(dead_code)]
#[path = "../benches/gen/workbook.rs"]
mod workbook;

use workbook::Layout;

/// 农业农村局: the 区级 two-column form, 一级/二级 merged down, 财政拨款 as
/// a formula. One vague target (QUANT-02), to show a flag pointing at a cell.
const NYJ: &str = r#"{
  "format_version": 1, "fiscal_year": 2025, "region": "广州市云溪区",
  "department": {"name": "广州市云溪区农业农村局", "staff_count": 46, "subordinate_units": 2},
  "budget": {
    "expenditure": {"basic": "1286.52", "project": "934.00"},
    "development": {"special_fund": "120.00", "other": "0.00"},
    "income": {"fiscal_appropriation": "2340.52", "other": "0.00"},
    "by_level": {"own_use": "2100.52", "transfer_to_lower": "240.00", "own_use_label": "区本级使用资金"}
  },
  "overall_goal": "完成高标准农田建设1.2万亩，粮食播种面积稳定在3.5万亩以上，农产品质量安全抽检合格率达到98%。",
  "key_tasks": [
    {"name": "高标准农田建设", "content": "新建和改造提升高标准农田，完善田间灌排和道路设施。", "funds": "620.00", "expected_outcome": "建成高标准农田1.2万亩。"},
    {"name": "农产品质量安全监管", "content": "开展农产品质量安全例行监测和监督抽检，推进承诺达标合格证制度。", "funds": "194.00", "expected_outcome": "抽检合格率达到98%以上。"},
    {"name": "耕地地力保护补贴", "content": "按面积向种粮农户发放耕地地力保护补贴。", "funds": "240.00", "expected_outcome": "补贴按时足额发放到户。"}
  ],
  "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "高标准农田建设面积", "period_target": "≥3.6万亩", "annual_target": "≥1.2万亩"},
    {"level1": "产出指标", "level2": "数量指标", "name": "农产品质量安全抽检批次", "period_target": "≥3600批次", "annual_target": "≥1200批次"},
    {"level1": "产出指标", "level2": "质量指标", "name": "农产品质量安全抽检合格率", "period_target": "≥98%", "annual_target": "≥98%"},
    {"level1": "产出指标", "level2": "时效指标", "name": "补贴资金发放及时率", "period_target": "100%", "annual_target": "100%"},
    {"level1": "产出指标", "level2": "成本指标", "name": "高标准农田亩均建设成本", "period_target": "≤3000元", "annual_target": "≤3000元"},
    {"level1": "效益指标", "level2": "经济效益指标", "name": "粮食播种面积", "period_target": "≥3.5万亩", "annual_target": "≥3.5万亩"},
    {"level1": "效益指标", "level2": "可持续影响指标", "name": "耕地质量等级", "period_target": "进一步提升", "annual_target": "逐年提高"},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "种粮农户满意度", "period_target": "≥90%", "annual_target": "≥90%"}
  ]
}"#;

/// 体育局 of a made-up city: the 市级 single-column form, as 湛江's is. Its
/// empty 成本指标 and 生态效益指标 lines are template rows (COMP-05; with
/// no cost indicator, HIER-04); 1 formatted 0% shows as 100%; the box
/// 其他需完成的任务 is filled in.
const TYJ: &str = r#"{
  "format_version": 1, "fiscal_year": 2025, "region": "云山市",
  "department": {"name": "云山市体育局", "staff_count": 58, "subordinate_units": 3},
  "budget": {
    "expenditure": {"basic": "1622.315675", "project": "870.4"},
    "development": {"special_fund": "0", "other": "0"},
    "income": {"fiscal_appropriation": "2492.715675", "other": "0"},
    "by_level": {"own_use": "2492.715675", "transfer_to_lower": "0", "own_use_label": "市本级使用资金"}
  },
  "overall_goal": "举办全民健身赛事活动30场，新建社区健身设施20处，经常参加体育锻炼人数比例达到42%。",
  "key_tasks": [
    {"name": "全民健身赛事活动", "content": "举办市级全民健身赛事和群众体育活动。", "funds": "520.4", "expected_outcome": "全年举办赛事活动30场以上。"},
    {"name": "社区健身设施建设", "content": "在老旧小区和公园新建健身路径和多功能运动场。", "funds": "350", "expected_outcome": "新建社区健身设施20处。"}
  ],
  "other_tasks": "做好大型体育场馆安全检查和免费低收费开放工作。",
  "target_columns": 1,
  "indicators": [
    {"level1": "产出指标", "level2": "数量指标", "name": "举办全民健身赛事活动场次", "annual_target": "≥30场"},
    {"level1": "产出指标", "level2": "数量指标", "name": "新建社区健身设施数量", "annual_target": "≥20处"},
    {"level1": "产出指标", "level2": "质量指标", "name": "健身设施验收合格率", "annual_target": "100%"},
    {"level1": "产出指标", "level2": "时效指标", "name": "设施建设按时完成率", "annual_target": "≥95%"},
    {"level1": "产出指标", "level2": "成本指标"},
    {"level1": "效益指标", "level2": "社会效益指标", "name": "经常参加体育锻炼人数比例", "annual_target": "≥42%"},
    {"level1": "效益指标", "level2": "生态效益指标"},
    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "参赛群众满意度", "annual_target": "≥90%"}
  ]
}"#;

/// 林业局: fails to load, 项目支出 typed as text with a unit.
const LYJ: &str = r#"{
  "format_version": 1, "fiscal_year": 2025, "region": "广州市云溪区",
  "department": {"name": "广州市云溪区林业局", "staff_count": 21, "subordinate_units": 1},
  "budget": {
    "expenditure": {"basic": "512.00", "project": "120.00"},
    "development": {"special_fund": "0.00", "other": "0.00"},
    "income": {"fiscal_appropriation": "632.00", "other": "0.00"},
    "by_level": {"own_use": "632.00", "transfer_to_lower": "0.00"}
  },
  "overall_goal": "完成森林抚育2000亩。",
  "key_tasks": [{"name": "森林抚育", "content": "开展中幼林抚育。", "funds": "120.00", "expected_outcome": "完成抚育2000亩。"}],
  "indicators": [{"level1": "产出指标", "level2": "数量指标", "name": "森林抚育面积", "period_target": "≥2000亩", "annual_target": "≥2000亩"}]
}"#;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: sample_workbooks DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let read = |json: &str| shenhe::load::parse(json.as_bytes()).expect("the sample's JSON loads");
    let district = Layout {
        level: "区级",
        merge_levels: true,
        formula_income: true,
        other_tasks_box: true,
        ..Layout::default()
    };
    let city = Layout {
        level: "市级",
        merge_levels: true,
        percent_numbers: true,
        extra_rows: 1,
        ..Layout::default()
    };
    let mut lyj = read(LYJ);
    // Written as text so the bad cell can be typed in below.
    lyj.budget.expenditure.project = None;
    let files = [
        ("yx-nyj.xlsx", read(NYJ), district.clone()),
        ("ysh-tyj.xlsx", read(TYJ), city),
        ("yx-lyj.xlsx", lyj, district),
    ];
    for (name, d, layout) in files {
        let bytes = match name {
            "yx-lyj.xlsx" => workbook::write_with(&d, &layout, |ws, rows| {
                ws.write_string(rows.project, layout.first_col + 2, "约120万元")
                    .map(|_| ())
            }),
            _ => workbook::write(&d, &layout),
        }
        .expect("the workbook is written");
        std::fs::write(dir.join(name), bytes).expect("the file is written");
        println!("wrote {name}");
    }
}

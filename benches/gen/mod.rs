//! Writes realistic declarations shaped like the seed: ~10 KB each, 25–40
//! indicator rows, 3–5 key tasks with paragraphs of Chinese text, amounts
//! that mostly reconcile. Deterministic for a given seed number, so runs
//! compare like with like. For benchmarks only; not a user command.

use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;

/// A small deterministic generator (xorshift64*); quality is irrelevant here.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const DEPARTMENTS: [&str; 24] = [
    "司法局",
    "教育局",
    "卫生健康局",
    "民政局",
    "交通运输局",
    "统计局",
    "审计局",
    "档案馆",
    "财政局",
    "发展和改革局",
    "科技工业和信息化局",
    "公安分局",
    "住房和城乡建设局",
    "水务局",
    "农业农村局",
    "商务局",
    "文化广电旅游体育局",
    "退役军人事务局",
    "应急管理局",
    "市场监督管理局",
    "医疗保障局",
    "政务服务数据管理局",
    "城市管理和综合执法局",
    "信访局",
];
const REGIONS: [&str; 8] = [
    "天河区",
    "越秀区",
    "海珠区",
    "荔湾区",
    "白云区",
    "黄埔区",
    "番禺区",
    "花都区",
];
const CLAUSES: [&str; 16] = [
    "深入贯彻落实上级决策部署",
    "健全工作机制和责任体系",
    "强化全过程绩效管理",
    "推进重点项目建设",
    "加强基层队伍专业化建设",
    "完善公共服务供给体系",
    "组织开展专项培训和业务指导",
    "开展常态化监督检查",
    "推动数字化转型和信息共享",
    "提升群众获得感和满意度",
    "做好风险排查和隐患整改",
    "落实资金使用管理规定",
    "强化部门协同和上下联动",
    "开展宣传活动和政策解读",
    "健全考核评价和结果运用",
    "巩固拓展工作成效",
];
const OUTPUT: [(&str, &str, &str); 12] = [
    ("数量指标", "开展专项培训（场次）", "≥{n}场次"),
    ("数量指标", "服务群众人次", "≥{n}人次"),
    ("数量指标", "完成检查单位数量", "{n}家"),
    ("数量指标", "配置专职工作人员数量", "{n}人"),
    ("数量指标", "印发宣传资料", "≥{n}份"),
    ("质量指标", "任务完成率", "100%"),
    ("质量指标", "项目验收合格率", "≥{p}%"),
    ("质量指标", "服务项目运行情况", "项目运行良好，评估达标。"),
    ("时效指标", "事项办结时限", "≤{d}个工作日"),
    ("时效指标", "资金拨付及时率", "100%"),
    ("成本指标", "人均服务成本", "≤{n}元"),
    ("数量指标", "覆盖街道数量", "{d}个"),
];
const BENEFIT: [(&str, &str, &str); 6] = [
    ("社会效益指标", "群众知晓率", "≥{p}%"),
    ("社会效益指标", "年度考核等级", "良好以上"),
    ("社会效益指标", "矛盾纠纷排查次数", "≥{n}次"),
    ("经济效益指标", "带动社会投资", "≥{n}万元"),
    ("可持续影响指标", "长效机制建立健全", "达标"),
    ("社会效益指标", "维护社会稳定", "符合考核标准"),
];
const SATISFACTION: [&str; 3] = ["服务对象满意度", "群众满意度", "企业满意度"];

fn fill(r: &mut Rng, template: &str) -> String {
    template
        .replace("{n}", &(10 + r.below(5000)).to_string())
        .replace("{p}", &(85 + r.below(15)).to_string())
        .replace("{d}", &(1 + r.below(30)).to_string())
}

fn paragraph(r: &mut Rng, clauses: usize) -> String {
    let parts: Vec<&str> = (0..clauses).map(|_| r.pick(&CLAUSES)).collect();
    parts.join("，") + "。"
}

/// Cents as a decimal string.
fn wan(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// One declaration, numbered `i` (the number also seeds its content).
pub fn declaration(i: usize) -> Value {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
    let region = r.pick(&REGIONS);
    let name = format!("广州市{region}{}（{i}）", r.pick(&DEPARTMENTS));
    let basic = 10_000 + r.next() % 50_000_000;
    let project = 10_000 + r.next() % 20_000_000;
    let other_dev = r.next() % 500_000;
    let total = basic + project + other_dev;
    let tasks_n = 3 + r.below(3);
    let pool = project + other_dev;
    let mut left = pool - pool / 50; // the tasks take ~98% of project + development
    let mut tasks = Vec::new();
    for t in 0..tasks_n {
        let funds = if t + 1 == tasks_n { left } else { left / 2 };
        left -= funds;
        tasks.push(json!({
            "name": format!("{}重点工作{}", r.pick(&CLAUSES), t + 1),
            "content": paragraph(&mut r, 8),
            "funds": wan(funds),
            "expected_outcome": paragraph(&mut r, 4),
        }));
    }
    let rows_n = 25 + r.below(16);
    let mut indicators = Vec::new();
    for k in 0..rows_n {
        let (l1, (l2, ind, target)) = match k % 10 {
            0..=5 => ("产出指标", OUTPUT[r.below(OUTPUT.len())]),
            6..=8 => ("效益指标", BENEFIT[r.below(BENEFIT.len())]),
            _ => (
                "满意度指标",
                ("服务对象满意度指标", r.pick(&SATISFACTION), "≥{p}%"),
            ),
        };
        let target = fill(&mut r, target);
        indicators.push(json!({
            "level1": l1, "level2": l2, "name": format!("{ind}{k}"),
            "period_target": target, "annual_target": target,
        }));
    }
    json!({
        "format_version": 1,
        "fiscal_year": 2025,
        "region": format!("广州市{region}"),
        "department": {"name": name, "code": format!("G{i:06}"), "staff_count": 10 + r.below(2000), "subordinate_units": r.below(20)},
        "budget": {
            "expenditure": {"basic": wan(basic), "project": wan(project)},
            "development": {"special_fund": "0.00", "other": wan(other_dev)},
            "income": {"fiscal_appropriation": wan(total), "other": "0.00"},
            "by_level": {"own_use": wan(total), "transfer_to_lower": "0.00"},
        },
        "overall_goal": paragraph(&mut r, 12) + &format!("全年服务群众{}人次。", r.below(100_000)),
        "key_tasks": tasks,
        "indicators": indicators,
    })
}

/// Writes `n` declarations into `dir` as `decl-00000.json` …; returns bytes written.
pub fn write_batch(dir: &Path, n: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for i in 0..n {
        let text = serde_json::to_vec_pretty(&declaration(i))?;
        bytes += text.len() as u64;
        std::fs::File::create(dir.join(format!("decl-{i:05}.json")))?.write_all(&text)?;
    }
    Ok(bytes)
}

/// The folder of `n` generated declarations in the temp dir, written on
/// first use and kept for later runs (both benches use it).
pub fn batch(n: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shenhe-bench-{n}"));
    if n > 0 && !dir.join(format!("decl-{:05}.json", n - 1)).exists() {
        match write_batch(&dir, n) {
            Ok(bytes) => println!(
                "generated {n} declarations ({:.1} MB) in {}",
                bytes as f64 / 1e6,
                dir.display()
            ),
            Err(e) => panic!("cannot write the benchmark batch in {}: {e}", dir.display()),
        }
    }
    dir
}

/// N from the bench's arguments (`cargo bench --bench X -- N`), else 10,000.
pub fn count_from_args() -> usize {
    std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10_000)
}

// Used by the check and desk benches only.
#[allow(dead_code)]
/// Declaration `i` as its department filed it the year before: fiscal
/// year 2024, every fifth target one higher (so this year's is easier:
/// YOY-01), two rows this year dropped (YOY-02), the same goal (YOY-03).
pub fn previous_declaration(i: usize) -> Value {
    let mut d = declaration(i);
    d["fiscal_year"] = json!(2024);
    if let Some(rows) = d["indicators"].as_array_mut() {
        for (_, row) in rows.iter_mut().enumerate().filter(|(k, _)| k % 5 == 0) {
            let raised = row["annual_target"].as_str().unwrap_or("").replacen(
                |c: char| c.is_ascii_digit(),
                "9",
                1,
            );
            row["annual_target"] = json!(raised);
            row["period_target"] = json!(raised);
        }
        rows.push(
            json!({"level1": "产出指标", "level2": "数量指标", "name": "上年专项检查次数",
            "period_target": "≥12次", "annual_target": "≥12次"}),
        );
        rows.push(
            json!({"level1": "效益指标", "level2": "社会效益指标", "name": "上年宣传覆盖人数",
            "period_target": "≥5000人", "annual_target": "≥5000人"}),
        );
    }
    d
}

#[allow(dead_code)]
/// The folder of the `n` declarations' previous year, written on first use.
pub fn previous_batch(n: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("shenhe-bench-{n}-previous"));
    if n > 0 && !dir.join(format!("prev-{:05}.json", n - 1)).exists() {
        std::fs::create_dir_all(&dir).expect("folder");
        for i in 0..n {
            let text = serde_json::to_vec_pretty(&previous_declaration(i)).expect("json");
            std::fs::File::create(dir.join(format!("prev-{i:05}.json")))
                .and_then(|mut f| f.write_all(&text))
                .expect("write");
        }
        println!(
            "generated last year's {n} declarations in {}",
            dir.display()
        );
    }
    dir
}

// Used by the check and desk benches only.
#[allow(dead_code)]
/// Peak resident memory of `shenhe check DIR --format json`, in KB, from
/// `/usr/bin/time`; `None` where it is not installed.
pub fn peak_kb_of_check(exe: &str, dir: &Path) -> Option<u64> {
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M", exe, "check"])
        .arg(dir)
        .args(["--format", "json"])
        .stdout(std::process::Stdio::null())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stderr)
        .trim()
        .lines()
        .last()?
        .parse()
        .ok()
}

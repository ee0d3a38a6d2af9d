//! The 审核意见 a bureau signs as it is, golden: the two real 湛江
//! workbooks (read from ../shared/real) and three sample declarations,
//! each returned with every warning standing, as Markdown and as the Word
//! document's text. Beside the goldens, what every notice must hold: one
//! point per problem with what to change, documents cited and practice as
//! advice, places in the department's words, quotes inside quotes single.
//! And the document itself: Chinese whatever `--lang`, a past deadline
//! refused, holidays skipped, a broken file titled by its name, page
//! numbers as GB/T 9704 sets them, a 发文字号.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;

use common::real_dir;

use shenhe::config::{Config, NoticeSettings};
use shenhe::i18n::Lang;
use shenhe::review::act::{self, Guard};
use shenhe::review::export::{Reviewed, gather, notice_files, notices};
use shenhe::review::notice::{Issue, Notice, text};
use shenhe::review::{Decision, Grade};
use shenhe::rules::{Ground, Rule, ground};
use std::path::{Path, PathBuf};

fn settings() -> NoticeSettings {
    NoticeSettings {
        issuer: Some("湛江市财政局".into()),
        contact: Some("李审核".into()),
        phone: Some("0759-1234567".into()),
        ..NoticeSettings::default()
    }
}

fn issue() -> Issue {
    Issue::on(jiff::civil::Date::constant(2026, 12, 1), &settings())
}

/// `files` (paths) copied into a folder of their own, each returned 中.
fn returned(files: &[PathBuf]) -> (tempfile::TempDir, Vec<Reviewed>) {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::default();
    for f in files {
        let to = dir.path().join(f.file_name().unwrap());
        std::fs::copy(f, &to).unwrap();
        return_fair(&to, &config);
    }
    let rows = gather(dir.path(), &config).unwrap();
    (dir, rows)
}

/// 王审核 returns `file`, graded 中.
fn return_fair(file: &Path, config: &Config) {
    act::decide(
        file,
        Decision::Return,
        Some(Grade::Fair),
        "王审核",
        None,
        Guard::Forced,
        config,
    )
    .unwrap();
}

/// The rows of the department's own sheet that a declaration's
/// indicators and tasks sit on (none for a JSON file).
fn sheet_rows(row: &Reviewed) -> Vec<u32> {
    let Ok(c) = &row.entry.outcome else {
        return Vec::new();
    };
    let d = &c.declaration;
    let indicators = (0..d.indicators.len()).map(|i| shenhe::model::Location::Indicator(i, None));
    let tasks = (0..d.key_tasks.len()).map(|i| shenhe::model::Location::KeyTask(i, None));
    indicators
        .chain(tasks)
        .filter_map(|l| d.cells.cell(l))
        .map(|c| c.row + 1)
        .collect()
}

/// What every notice must hold to be signed as it is.
fn assert_signable(notice: &Notice, own_rows: &[u32]) {
    let md = text::markdown(notice, Lang::Zh);
    // No spreadsheet words: no sheet name, no cell reference.
    assert!(!md.contains("Sheet") && !md.contains('!'), "{md}");
    // No rule ID.
    let b = md.as_bytes();
    let id = (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'-' && b[i - 1].is_ascii_uppercase() && b[i + 1].is_ascii_digit());
    assert!(!id, "a rule ID: {md}");
    // 第N行 only where N is a row of the department's own sheet.
    for (i, _) in md.match_indices("第") {
        let rest = &md[i + "第".len()..];
        let run: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || "、—".contains(*c))
            .collect();
        if run.is_empty() || !rest[run.len()..].starts_with('行') {
            continue;
        }
        for n in run.split(['、', '—']).filter_map(|n| n.parse::<u32>().ok()) {
            assert!(own_rows.contains(&n), "row {n} is not the sheet's: {md}");
        }
    }
    // Quotes inside quotes are single.
    let mut depth = 0i32;
    for c in md.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth -= 1,
            _ => {}
        }
        assert!((0..=1).contains(&depth), "a quote inside a quote: {md}");
    }
    // One point per problem: no point says the same as another.
    let points: Vec<&str> = notice
        .sections
        .iter()
        .flat_map(|s| s.points.iter())
        .map(|p| p.paragraphs[0].as_str())
        .collect();
    for (i, p) in points.iter().enumerate() {
        assert!(!points[..i].contains(p), "said twice: {p}");
    }
    // Each point of a rule: a requirement cites its document, a practice
    // advises; either way the department is told what to do.
    for p in notice.sections.iter().flat_map(|s| s.points.iter()) {
        let Some(rule) = p.key.split('/').nth(1).and_then(Rule::from_id) else {
            continue;
        };
        let said = &p.paragraphs[0];
        match ground(rule) {
            Ground::Document(_) => assert!(
                said.contains("请") && said.contains("依据《"),
                "{}: {said}",
                rule.id()
            ),
            Ground::Practice => assert!(
                said.contains("建议") && !said.contains("依据"),
                "{}: {said}",
                rule.id()
            ),
        }
    }
}

fn document_text(notice: &Notice, file: &str) -> String {
    let files = notice_files(
        &[(file, notice.clone())],
        shenhe::review::export::NoticeFormat::Docx,
        Lang::Zh,
    )
    .unwrap();
    common::assert_docx_opens(&files[0].1);
    common::docx_text(&files[0].1)
}

#[test]
fn the_real_notices_are_signed_as_they_are() {
    let Some(real) = real_dir() else { return };
    let (_dir, rows) = returned(&[
        real.join("zhanjiang-rsj-2023.xlsx"),
        real.join("zhanjiang-rsj-2024.xlsx"),
    ]);
    let all = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    assert_eq!(all.len(), 2);
    for ((file, notice), row) in all.iter().zip(&rows) {
        assert_signable(notice, &sheet_rows(row));
        insta::assert_snapshot!(format!("real-{file}-md"), text::markdown(notice, Lang::Zh));
        insta::assert_snapshot!(format!("real-{file}-docx"), document_text(notice, file));
    }
    let md_2024 = text::markdown(&all[1].1, Lang::Zh);
    // Eight points of two sentences become two, naming every place.
    assert!(md_2024.contains("表中第28—31行“全市城乡居民养老保险覆盖面”“扶持创业企业（项目）个数”等4个指标的二级指标填为“质量指标”"), "{md_2024}");
    assert!(
        md_2024.contains("请改为效益指标下的经济效益、社会效益、生态效益或可持续影响指标"),
        "{md_2024}"
    );
    assert!(md_2024.contains("请改为“服务对象满意度指标”"), "{md_2024}");
    assert_eq!(md_2024.matches("下没有此二级指标").count(), 2, "{md_2024}");
    // The blank own-use box, given what it must hold.
    assert!(md_2024.contains("应为72,807.38万元"), "{md_2024}");
    let md_2023 = text::markdown(&all[0].1, Lang::Zh);
    assert!(md_2023.contains("应为82,800.92万元"), "{md_2023}");
    assert_eq!(
        md_2023.matches("既没有量化，也不是分级表述").count(),
        1,
        "{md_2023}"
    );
    // The tool's threshold is advice.
    assert!(
        md_2023.contains("满意度目标值为75%，建议不低于85%"),
        "{md_2023}"
    );
}

#[test]
fn sample_notices_are_signed_as_they_are() {
    let files: Vec<PathBuf> = ["yx-jyj.json", "yx-wjj.json", "yx-jtj.json"]
        .iter()
        .map(|n| common::sample_file(n))
        .collect();
    let (_dir, rows) = returned(&files);
    let all = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    assert_eq!(all.len(), 3);
    for ((file, notice), row) in all.iter().zip(&rows) {
        assert_signable(notice, &sheet_rows(row));
        insta::assert_snapshot!(
            format!("sample-{file}-md"),
            text::markdown(notice, Lang::Zh)
        );
        insta::assert_snapshot!(format!("sample-{file}-docx"), document_text(notice, file));
    }
}

fn shenhe(args: &[&str], config: Option<&Path>) -> std::process::Output {
    let mut c = common::shenhe_command();
    c.args(args);
    if let Some(config) = config {
        c.arg("--config").arg(config);
    }
    c.output().expect("the binary runs")
}

/// The seed, returned, in a folder of its own.
fn seed_returned() -> tempfile::TempDir {
    let (dir, _) = returned(&[common::sample_file("tianhe-sfj.json")]);
    dir
}

#[test]
fn the_notice_is_chinese_whatever_the_desk_speaks() {
    let dir = seed_returned();
    let d = dir.path().to_str().unwrap();
    let out = shenhe(&["export", d, "--format", "md", "--lang", "en"], None);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# 关于广州市天河区司法局"), "{md}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("the config file's [notice]"),
        "the terminal speaks English: {stderr}"
    );
    // `[notice] lang = "en"` chooses English for a reader who needs it.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[notice]\nlang = \"en\"\n").unwrap();
    let out = shenhe(&["export", d, "--format", "md"], Some(&config));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# Review of the"), "{md}");
}

#[test]
fn a_deadline_before_today_is_refused() {
    let dir = seed_returned();
    let d = dir.path().to_str().unwrap();
    let out = shenhe(
        &["export", d, "--format", "md", "--deadline", "2020-01-06"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("截止日期 2020-01-06 早于今天"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing written");
}

#[test]
fn working_days_skip_the_holidays_the_config_lists() {
    // Thursday 2026-12-31; 1 January is a holiday: two working days later
    // is Monday 4 January without it, Tuesday 5 January with it.
    let day = jiff::civil::Date::constant(2026, 12, 31);
    let mut s = NoticeSettings {
        deadline_days: 2,
        ..NoticeSettings::default()
    };
    assert_eq!(
        Issue::on(day, &s).deadline,
        jiff::civil::Date::constant(2027, 1, 4)
    );
    let config =
        Config::parse("[notice]\ndeadline_days = 2\nholidays = [\"2027-01-01\"]\n").unwrap();
    s.holidays = config.notice.holidays.clone();
    assert_eq!(
        Issue::on(day, &s).deadline,
        jiff::civil::Date::constant(2027, 1, 5)
    );
    // A date written otherwise is an error naming it.
    let bad = Config::parse("[notice]\nholidays = [\"2027/01/01\"]\n").unwrap_err();
    let said = format!("{bad:?}");
    assert!(said.contains("2027/01/01"), "{said}");
}

#[test]
fn a_file_that_did_not_load_is_titled_by_what_could_be_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("破损.json"), b"{ not json").unwrap();
    std::fs::copy(
        common::sample_file("yx-gxj.json"),
        dir.path().join("yx-gxj.json"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let config = Config::default();
    for name in ["破损.json", "yx-gxj.json"] {
        let file = dir.path().join(name);
        act::comment_on(
            &file,
            shenhe::review::Place::Declaration,
            "请按模板重新填报。",
            "王审核",
            None,
            &config,
        )
        .unwrap();
        act::decide(
            &file,
            Decision::Return,
            None,
            "王审核",
            None,
            Guard::Forced,
            &config,
        )
        .unwrap();
    }
    let out = shenhe(&["export", d, "--format", "md"], None);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("# 关于破损.json部门整体预算绩效目标的审核意见"),
        "{md}"
    );
    // A file read as far as its department's name is titled by it, and
    // addressed to it.
    assert!(
        md.contains("# 关于广州市云溪区工业和信息化局部门整体预算绩效目标的审核意见\n\n广州市云溪区工业和信息化局："),
        "{md}"
    );
}

#[test]
fn page_numbers_are_right_on_odd_pages_and_left_on_even_ones() {
    let (_dir, rows) = returned(&[common::sample_file("tianhe-sfj.json")]);
    let all = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    let files = notice_files(&all, shenhe::review::export::NoticeFormat::Docx, Lang::Zh).unwrap();
    let parts = common::xml_parts(&files[0].1);
    let part = |name: &str| {
        parts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no {name}"))
    };
    assert!(part("word/settings.xml").contains("evenAndOddHeaders"));
    let document = part("word/document.xml");
    let footer_of = |kind: &str| {
        let at = document
            .find(&format!("w:footerReference w:type=\"{kind}\""))
            .unwrap_or_else(|| panic!("no {kind} footer: {document}"));
        let id_at = document[at..].find("r:id=\"").unwrap() + at + 6;
        let id = &document[id_at..id_at + document[id_at..].find('"').unwrap()];
        let rels = part("word/_rels/document.xml.rels");
        let target_at = rels.find(&format!("Id=\"{id}\"")).unwrap();
        let t = rels[target_at..].find("Target=\"").unwrap() + target_at + 8;
        let target = &rels[t..t + rels[t..].find('"').unwrap()];
        part(&format!("word/{target}"))
    };
    let odd = footer_of("default");
    let even = footer_of("even");
    for (footer, side) in [(&odd, "right"), (&even, "left")] {
        assert!(
            footer.contains(&format!("w:jc w:val=\"{side}\"")),
            "{side}: {footer}"
        );
        assert!(footer.contains("PAGE"), "a page-number field: {footer}");
        assert!(footer.contains("— ") && footer.contains(" —"), "{footer}");
        assert!(
            footer.contains("宋体") && footer.contains("w:sz w:val=\"28\""),
            "4号 宋体: {footer}"
        );
    }
}

#[test]
fn an_office_numbers_its_notices() {
    let dir = tempfile::tempdir().unwrap();
    for n in ["tianhe-sfj.json", "yx-jyj.json"] {
        std::fs::copy(common::sample_file(n), dir.path().join(n)).unwrap();
        act::decide(
            &dir.path().join(n),
            Decision::Return,
            None,
            "王审核",
            None,
            Guard::Forced,
            &Config::default(),
        )
        .unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let out = shenhe(
        &[
            "export",
            d,
            "--format",
            "md",
            "--number",
            "云财绩函〔2026〕{n}号",
            "--number-from",
            "7",
        ],
        None,
    );
    let md = String::from_utf8(out.stdout).unwrap();
    let first = md.find("# 关于广州市天河区司法局").unwrap();
    let seven = md.find("云财绩函〔2026〕7号").expect(&md);
    let eight = md.find("云财绩函〔2026〕8号").expect(&md);
    assert!(first < seven && seven < eight, "{md}");
}

#[test]
fn the_signature_never_stands_on_a_page_of_its_own() {
    let (_dir, rows) = returned(&[common::sample_file("tianhe-sfj.json")]);
    let all = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    let files = notice_files(&all, shenhe::review::export::NoticeFormat::Docx, Lang::Zh).unwrap();
    let parts = common::xml_parts(&files[0].1);
    let (_, document) = parts
        .iter()
        .find(|(n, _)| n == "word/document.xml")
        .unwrap();
    let doc = roxmltree::Document::parse(document).unwrap();
    let kept: Vec<(String, bool)> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "p")
        .map(|p| {
            let text: String = p
                .descendants()
                .filter(|n| n.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect();
            let keep = p.descendants().any(|n| n.tag_name().name() == "keepNext");
            (text, keep)
        })
        .collect();
    let last_point = kept.iter().rposition(|(t, _)| t.starts_with("（")).unwrap();
    let date = kept.len() - 1;
    assert!(
        kept[last_point..date].iter().all(|(_, keep)| *keep),
        "the last point, the contact, the blank lines and the issuer go with the date: {kept:?}"
    );
    assert!(
        kept[..last_point].iter().all(|(_, keep)| !keep),
        "nothing before them is held: {kept:?}"
    );
}

#[test]
fn a_rule_judged_at_once_takes_its_whole_point_out() {
    let Some(real) = real_dir() else { return };
    let (dir, _) = returned(&[real.join("zhanjiang-rsj-2024.xlsx")]);
    let file = dir.path().join("zhanjiang-rsj-2024.xlsx");
    let rows = gather(dir.path(), &Config::default()).unwrap();
    let before = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    assert!(text::markdown(&before[0].1, Lang::Zh).contains("下没有此二级指标"));
    act::dispose_rule(
        &file,
        "HIER-01",
        shenhe::review::Disposition::Dismiss,
        Some("本批按省模板的二级指标名称审核"),
        "王审核",
        &Config::default(),
    )
    .unwrap();
    let rows = gather(dir.path(), &Config::default()).unwrap();
    let after = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    let md = text::markdown(&after[0].1, Lang::Zh);
    assert!(!md.contains("下没有此二级指标"), "{md}");
    assert!(md.contains("既没有量化"), "the other points stand: {md}");
}

/// The real 2024 form returned with its 2023 named as last year's: the
/// target made easier is a requirement naming the sheet's rows and both
/// years' targets; the dropped indicators and the copied goal, once a
/// reviewer takes them in (they are info), are advice.
#[test]
fn the_real_2024_notice_says_what_asks_less_than_last_year() {
    let Some(real) = real_dir() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (now, last) = (dir.path().join("2024"), dir.path().join("2023"));
    std::fs::create_dir_all(&now).unwrap();
    std::fs::create_dir_all(&last).unwrap();
    let file = now.join("zhanjiang-rsj-2024.xlsx");
    std::fs::copy(real.join("zhanjiang-rsj-2024.xlsx"), &file).unwrap();
    std::fs::copy(
        real.join("zhanjiang-rsj-2023.xlsx"),
        last.join("zhanjiang-rsj-2023.xlsx"),
    )
    .unwrap();
    let mut config = Config::default();
    shenhe::check::compare_with_last_year(&mut config, &now, Some(&last)).unwrap();
    return_fair(&file, &config);
    for (rule, at) in [("YOY-02", "indicators"), ("YOY-03", "overall_goal")] {
        act::dispose(
            &file,
            rule,
            at,
            shenhe::review::Disposition::Accept,
            None,
            "王审核",
            &config,
        )
        .unwrap();
    }
    let rows = gather(&now, &config).unwrap();
    let all = notices(&rows, &settings(), &issue(), false, Lang::Zh);
    let notice = &all[0].1;
    assert_signable(notice, &sheet_rows(&rows[0]));
    let md = text::markdown(notice, Lang::Zh);
    insta::assert_snapshot!("real-2024-against-2023-md", md);
    assert!(
        md.contains("的目标要求低于上年（“城乡居民基础养老金标准”上年为“≥200元每人每月”、本年为“≥190元每人每月”；“资金在规定时间内下达率”上年为“100%”、本年为“≧95%”；“扶持创业企业（项目）个数”上年为“650”、本年为“350”；“就业服务满意度”上年为“≧95%”、本年为“≧90%”）。请说明降低的理由，或按不低于上年的水平设定指标值。依据《中央部门预算绩效目标管理办法》。"),
        "{md}"
    );
    assert!(md.contains("表中第17、24、29、35行"), "{md}");
    assert!(
        md.contains("上年设置的“发放创业担保贷款金额”“创业担保贷款还款率”“资金支付规范性”“实际资金支出率”4个指标本年未再设置。建议说明原因"),
        "{md}"
    );
    assert!(
        md.contains("总体绩效目标与上年的基本相同。建议结合本年度的工作任务重新拟定。"),
        "{md}"
    );
}

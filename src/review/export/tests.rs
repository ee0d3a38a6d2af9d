//! Golden outputs of the exports on the sample folder with a few reviews.

use super::csv::{csv, csv_field, csv_text};
use super::json::json;
use super::xlsx::xlsx;
use super::*;
use crate::config::NoticeSettings;
use crate::review::journal::append;
use crate::review::my_journal;
use crate::review::record::{Body, Disposition, Grade, Record};
use crate::review::record::{Decision, Place};

fn record(id: &str, sha: &str, reviewer: &str, body: Body) -> Record {
    let at = format!("2026-11-26T09:00:0{}.000Z", id.len() % 10);
    // In this account's own journal, as this account: vouched for.
    let me = crate::review::act::login();
    crate::testing::record(id, reviewer, me.as_deref(), &at, sha, body)
}

use crate::testing::comment;

/// The sample folder in a temp dir, with reviews on three declarations.
fn reviewed_folder() -> (tempfile::TempDir, Vec<Reviewed>) {
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for f in std::fs::read_dir(&sample).unwrap() {
        let p = f.unwrap().path();
        // Last year's folder (sample-data/2024) is not this year's batch.
        if !p.is_file() {
            continue;
        }
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    let sha_of = |name: &str| sha256_hex(&std::fs::read(dir.path().join(name)).unwrap());
    let at = |name: &str| my_journal(&dir.path().join(name));

    let seed = sha_of("tianhe-sfj.json");
    for r in [
        record(
            "c1",
            &seed,
            "王审核",
            comment(
                Place::Flag {
                    rule: "QUANT-04".into(),
                    path: "indicators[23]".into(),
                },
                "请把目标值改为受援人次的具体数字。",
            ),
        ),
        record(
            "c2",
            &seed,
            "王审核",
            comment(
                Place::Location {
                    path: "department.staff_count".into(),
                },
                "请补填财政供养人员数。",
            ),
        ),
        record(
            "c3",
            &seed,
            "李复核",
            comment(
                Place::Declaration,
                "总体绩效目标请补充可衡量的内容，\n如“全年办理法律援助案件不少于N件”。",
            ),
        ),
        record(
            "c4",
            &seed,
            "李复核",
            comment(Place::Declaration, "这条收回"),
        ),
        record("c5", &seed, "李复核", Body::Withdraw { of: "c4".into() }),
        record(
            "j1",
            &seed,
            "王审核",
            Body::Disposition {
                rule: "QUANT-01".into(),
                path: "indicators[20]".into(),
                disposition: Disposition::Dismiss,
                reason: Some("=考核标准明确".into()),
            },
        ),
        record(
            "d1",
            &seed,
            "王审核",
            Body::Decision {
                decision: Decision::Return,
                grade: Some(Grade::Fair),
            },
        ),
    ] {
        append(&at("tianhe-sfj.json"), &r).unwrap();
    }
    append(
        &at("yx-daj.json"),
        &record(
            "d2",
            &sha_of("yx-daj.json"),
            "王审核",
            Body::Decision {
                decision: Decision::Approve,
                grade: Some(Grade::Excellent),
            },
        ),
    )
    .unwrap();
    let mzj = sha_of("yx-mzj.json");
    for r in [
        record(
            "c6",
            "an-earlier-file",
            "王审核",
            comment(
                Place::Flag {
                    rule: "QUANT-03".into(),
                    path: "indicators[6]".into(),
                },
                "“不涉及”不能作为指标值。",
            ),
        ),
        record(
            "c7",
            &mzj,
            "王审核",
            comment(
                Place::Flag {
                    rule: "FUND-04".into(),
                    path: "key_tasks".into(),
                },
                "重点任务资金超过预算总额，请核减。",
            ),
        ),
        record(
            "d3",
            &mzj,
            "王审核",
            Body::Decision {
                decision: Decision::Return,
                grade: Some(Grade::Poor),
            },
        ),
    ] {
        append(&at("yx-mzj.json"), &r).unwrap();
    }
    let rows = gather(dir.path(), &Config::default()).unwrap();
    (dir, rows)
}

/// A part of a zip (an xlsx, a docx), as text.
fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in it"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn issue() -> crate::review::notice::Issue {
    crate::review::notice::Issue::on(
        jiff::civil::Date::constant(2026, 12, 1),
        &crate::config::NoticeSettings::default(),
    )
}

#[test]
fn one_notice_per_returned_declaration_and_earlier_comments_when_asked() {
    let (_dir, rows) = reviewed_folder();
    let settings = NoticeSettings::default();
    let md = markdown(
        &notices(&rows, &settings, &issue(), false, Lang::Zh),
        Lang::Zh,
    );
    assert_eq!(
        md.matches("# 关于").count(),
        2,
        "one per returned declaration"
    );
    assert!(!md.contains("这条收回"), "withdrawn comments are not sent");
    assert!(
        !md.contains("不能作为指标值"),
        "nor those on an earlier version"
    );
    assert!(md.contains("（请填写财政局名称）"), "an unset issuer shows");
    let mut earlier = issue();
    earlier.include_earlier = true;
    let md = markdown(
        &notices(&rows, &settings, &earlier, false, Lang::Zh),
        Lang::Zh,
    );
    assert!(md.contains("不能作为指标值"), "asked for, they are");
    // The approved one has no comment: no notice even when asked for.
    assert_eq!(notices(&rows, &settings, &issue(), true, Lang::Zh).len(), 2);
}

#[test]
fn english_notices_use_english_punctuation() {
    let (_dir, rows) = reviewed_folder();
    let settings = NoticeSettings::default();
    let md = markdown(
        &notices(&rows, &settings, &issue(), false, Lang::En),
        Lang::En,
    );
    assert_eq!(md.matches("# Review of the ").count(), 2, "{md}");
    // Declaration text stays as written; the notice's own words do not mix.
    for line in md.lines().filter(|l| l.starts_with('#')) {
        assert!(!line.contains('：'), "{line}");
    }
    assert!(md.contains("1 December 2026"), "{md}");
}

#[test]
fn the_summary_as_csv_opens_in_excel() {
    let (_dir, rows) = reviewed_folder();
    let csv = csv(&rows, Lang::Zh);
    assert!(csv.starts_with('\u{feff}'), "UTF-8 with BOM");
    assert_eq!(csv.lines().count(), rows.len() + 1);
    // Amounts as plain decimals, whatever their size.
    assert!(
        csv.contains(",6772.35,") && csv.contains(",236621.15,"),
        "{csv}"
    );
    assert!(!csv.contains("\"6,772.35\""), "{csv}");
    // A blank name reads as the desk shows it.
    assert!(
        csv.contains("yx-jd-0614.json,（部门名称未填）,2025"),
        "{csv}"
    );
    // The dismissed flag is counted apart, with its reason.
    assert!(csv.contains(",0,3,5,1,退回修改,中,王审核,"), "{csv}");
    assert!(
        csv.contains("QUANT-01 绩效指标第21行：=考核标准明确"),
        "{csv}"
    );
    insta::assert_snapshot!("summary-csv-zh", csv);
}

/// A reviewer in 广州: UTC+8.
fn guangzhou() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::fixed(jiff::tz::offset(8))
}

#[test]
fn everything_as_json() {
    let (_dir, rows) = reviewed_folder();
    let json = json(&rows, Lang::Zh, &guangzhou());
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let seed = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "tianhe-sfj.json")
        .unwrap();
    assert_eq!(seed["decision"], "return");
    assert_eq!(seed["grade"], "中");
    let c1 = &seed["comments"][0];
    assert_eq!(
        (
            c1["location"].as_str(),
            c1["rule"].as_str(),
            c1["reviewer"].as_str()
        ),
        (Some("indicators[23]"), Some("QUANT-04"), Some("王审核"))
    );
    // The journal's UTC, with the reviewer's offset.
    let at = c1["at"].as_str().unwrap();
    assert!(at.ends_with("+08:00"), "{at}");
    assert_eq!(
        at.parse::<jiff::Timestamp>().unwrap(),
        rows.iter()
            .find(|r| r.entry.file == "tianhe-sfj.json")
            .unwrap()
            .review
            .comments[0]
            .at
            .parse::<jiff::Timestamp>()
            .unwrap(),
        "the same instant"
    );
    assert_eq!(seed["comments"][3]["withdrawn"], true);
    let mzj = v["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == "yx-mzj.json")
        .unwrap();
    assert_eq!(mzj["comments"][0]["earlier_version"], true);
    assert_eq!(mzj["comments"][1]["earlier_version"], false);
    // The records are this account's: its login is whoever runs the tests.
    let me = crate::review::act::login().unwrap_or_default();
    let json = json.replace(&format!("\"{me}\""), "\"[this account]\"");
    insta::assert_snapshot!("everything-json-zh", json);
}

#[test]
fn spreadsheet_formulas_in_declaration_text_stay_text() {
    assert_eq!(
        csv_text("=HYPERLINK(\"http://x\")"),
        "'=HYPERLINK(\"http://x\")"
    );
    assert_eq!(csv_text("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_text("广州市云溪区档案馆"), "广州市云溪区档案馆");
    assert_eq!(csv_field("6,772.35"), "\"6,772.35\"");
}

#[test]
fn the_workbook_has_the_summary_every_flag_and_every_comment() {
    let (_dir, rows) = reviewed_folder();
    let bytes = xlsx(&rows, Lang::Zh, &guangzhou()).unwrap();
    let part = |name: &str| zip_part(&bytes, name);
    let workbook = part("xl/workbook.xml");
    for sheet in ["汇总", "问题", "审核意见", "问题处理"] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet}: {workbook}"
        );
    }
    let strings = part("xl/sharedStrings.xml");
    for text in [
        "广州市天河区司法局",
        "QUANT-04",
        "请把目标值改为受援人次的具体数字。",
        "退回修改",
        "不采纳",
        "yx-gxj.json",
        // 09:00:02 UTC in the journal, read in 广州.
        "2026-11-26 17:00",
    ] {
        assert!(strings.contains(text), "{text} missing");
    }
    assert!(
        !strings.contains("09:00:02.000Z"),
        "no journal UTC shown raw"
    );
    // Every flag of the folder has its row on the second sheet.
    let flags: usize = rows
        .iter()
        .filter_map(|r| r.entry.outcome.as_ref().ok())
        .map(|c| c.flags.len())
        .sum();
    let sheet2 = part("xl/worksheets/sheet2.xml");
    assert_eq!(sheet2.matches("<row ").count(), flags + 1);
    // Money is a number the office can sum, shown as 6,772.35.
    let sheet1 = part("xl/worksheets/sheet1.xml");
    assert!(sheet1.contains("<v>6772.35</v>"), "{sheet1}");
    assert!(part("xl/styles.xml").contains(r##"formatCode="#,##0.00""##));
    for sheet in 1..=4 {
        let xml = part(&format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains(r#"ySplit="1""#),
            "sheet {sheet}: header frozen"
        );
        assert!(
            xml.contains("<autoFilter ref="),
            "sheet {sheet}: autofilter"
        );
        assert!(xml.contains("<cols>"), "sheet {sheet}: columns sized");
    }
    let sheet4 = part("xl/worksheets/sheet4.xml");
    assert_eq!(sheet4.matches("<row ").count(), 1 + 1, "the disposition");
    // A reason starting with = is text, never a formula.
    assert!(!sheet4.contains("<f>") && strings.contains("=考核标准明确"));
    let sheet3 = part("xl/worksheets/sheet3.xml");
    assert_eq!(
        sheet3.matches("<row ").count(),
        1 + 6,
        "every comment, the withdrawn one included"
    );
}

#[test]
fn the_season_counts_decisions_grades_problems_and_measurability() {
    use crate::review::season::{Decider, Decisions, Grades, RuleCount};
    let (dir, rows) = reviewed_folder();
    let s = season(&rows);
    assert_eq!(
        s.decisions,
        Decisions {
            pending: 16,
            approve: 1,
            returned: 2
        }
    );
    assert_eq!(
        s.grades,
        Grades {
            excellent: 1,
            good: 0,
            fair: 1,
            poor: 1
        }
    );
    assert_eq!(
        s.deciders,
        [Decider {
            reviewer: "王审核".into(),
            login: crate::review::act::login(),
            decisions: 3
        }]
    );
    let count = |list: &[RuleCount], rule: &str| {
        list.iter()
            .find(|c| c.rule.id() == rule)
            .map(|c| (c.declarations, c.flags))
    };
    // 天河区司法局's two QUANT-01, one dismissed: one goes out.
    assert_eq!(count(&s.rules, "QUANT-01"), Some((1, 1)));
    assert_eq!(count(&s.dismissed, "QUANT-01"), Some((1, 1)));
    assert_eq!(s.dismissed.len(), 1);
    // Notes go out only when included: none is.
    assert_eq!(count(&s.rules, "REL-01"), None);
    // Errors and warnings of the sample folder by rule, most first.
    let most: Vec<(&str, usize, usize)> = s
        .rules
        .iter()
        .take(4)
        .map(|c| (c.rule.id(), c.declarations, c.flags))
        .collect();
    assert_eq!(
        most,
        [
            ("QUANT-02", 2, 2),
            ("COST-01", 2, 2),
            ("XDUP-01", 2, 2),
            ("FUND-01", 1, 1)
        ]
    );
    assert_eq!(count(&s.rules, "SAFE-01"), Some((1, 3)));
    let m = &s.measurability;
    assert_eq!((m.all.rows, m.all.measurable), (175, 169));
    let lowest: Vec<(&str, usize, usize)> = m
        .lowest
        .iter()
        .map(|l| {
            (
                l.file.as_str(),
                l.measurability.rows,
                l.measurability.measurable,
            )
        })
        .collect();
    assert_eq!(
        lowest,
        [
            ("yx-mzj.json", 9, 7),
            ("yx-nyj.xlsx", 8, 7),
            ("tianhe-sfj.json", 29, 26),
            ("ysh-tyj.xlsx", 6, 6),
            ("yx-daj.json", 8, 8)
        ]
    );

    // The other QUANT-01 dismissed and a note (REL-01) included: the
    // figures follow the journal.
    let sha = sha256_hex(&std::fs::read(dir.path().join("tianhe-sfj.json")).unwrap());
    let journal = my_journal(&dir.path().join("tianhe-sfj.json"));
    for (id, rule, path, disposition) in [
        ("j2", "QUANT-01", "indicators[22]", Disposition::Dismiss),
        ("j3", "REL-01", "overall_goal", Disposition::Accept),
    ] {
        let reason = (disposition == Disposition::Dismiss).then(|| "已说明".to_string());
        let body = Body::Disposition {
            rule: rule.into(),
            path: path.into(),
            disposition,
            reason,
        };
        append(&journal, &record(id, &sha, "王审核", body)).unwrap();
    }
    let s = season(&gather(dir.path(), &Config::default()).unwrap());
    assert_eq!(count(&s.rules, "QUANT-01"), None);
    assert_eq!(count(&s.dismissed, "QUANT-01"), Some((1, 2)));
    assert_eq!(count(&s.rules, "REL-01"), Some((1, 1)));
}

#[test]
fn copied_goals_are_grouped_and_a_vague_target_several_departments_wrote_is_named() {
    use crate::review::season::Vague;
    let dir = tempfile::tempdir().unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(sample.join(name)).unwrap()).unwrap()
    };
    let vague = "根据下达任务目标要求确定";
    // Three departments with one goal (文化广电旅游体育局's), one of them
    // with a vague target that 档案馆 wrote too, with a space after it.
    for (file, from, name, target) in [
        ("a.json", "yx-whj.json", None, None),
        ("b.json", "yx-whj.json", Some("广州市云溪区审计局"), None),
        (
            "c.json",
            "yx-whj.json",
            Some("广州市云溪区统计局"),
            Some(vague.to_string()),
        ),
        ("d.json", "yx-daj.json", None, Some(format!("{vague} "))),
    ] {
        let mut v = read(from);
        if let Some(name) = name {
            v["department"]["name"] = name.into();
        }
        if let Some(target) = target {
            v["indicators"][0]["annual_target"] = target.into();
        }
        std::fs::write(dir.path().join(file), v.to_string()).unwrap();
    }
    let s = season(&gather(dir.path(), &Config::default()).unwrap());
    assert_eq!(s.copies, [["a.json", "b.json", "c.json"]]);
    assert_eq!(
        s.vague,
        [Vague {
            target: vague.into(),
            files: vec!["c.json".into(), "d.json".into()]
        }]
    );
}

#[test]
fn indicator_rows_several_departments_wrote_alike_are_named_most_first() {
    let dir = crate::testing::alike_rows_folder();
    let rows = gather(dir.path(), &Config::default()).unwrap();
    let s = season(&rows);
    let repeated: Vec<(&str, Option<&str>, usize, Vec<&str>)> = s
        .repeated
        .iter()
        .map(|r| {
            let files = r.files.iter().map(String::as_str).collect();
            let target = r.row.annual_target.as_deref();
            (r.row.name.as_str(), target, r.departments, files)
        })
        .collect();
    // As a.json wrote it; 丙局's two files count once; ties in the order
    // of their first file.
    assert_eq!(
        repeated,
        [
            (
                "群众满意度",
                Some("≥90%"),
                3,
                vec!["a.json", "b.json", "c-v2.json", "c.json"]
            ),
            ("培训场次", Some("≥12场"), 2, vec!["a.json", "b.json"]),
            (
                "培训场次",
                Some("≥15场"),
                2,
                vec!["c-v2.json", "c.json", "d.json"]
            ),
        ]
    );
    assert_eq!(s.repeated[0].row.period_target.as_deref(), Some("≥90%"));
    // The statistics workbook lists them on a sheet of their own.
    use calamine::{Data, Reader, Xlsx};
    let bytes = statistics(&rows, &s).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("相同指标").unwrap();
    let line = |r: u32| -> Vec<Data> {
        (0..5)
            .map(|c| sheet.get_value((r, c)).cloned().unwrap())
            .collect()
    };
    assert_eq!(
        line(1),
        [
            Data::String("群众满意度".into()),
            Data::String("≥90%".into()),
            Data::String("≥90%".into()),
            Data::Float(3.0),
            Data::String("a.json、b.json、c-v2.json、c.json".into()),
        ]
    );
    assert_eq!(sheet.height(), 4);
}

#[test]
fn the_statistics_workbook_has_native_charts_drawn_from_its_figures() {
    use calamine::{Data, Reader, Xlsx};
    let (_dir, rows) = reviewed_folder();
    let bytes = statistics(&rows, &season(&rows)).unwrap();
    let part = |name: &str| zip_part(&bytes, name);
    // Decisions, grades, problems: each chart refers to the cells beside it.
    let decisions = part("xl/charts/chart1.xml");
    assert!(decisions.contains("<c:barDir val=\"col\"/>"), "{decisions}");
    assert!(decisions.contains("概况!$A$2:$A$4") && decisions.contains("概况!$B$2:$B$4"));
    let grades = part("xl/charts/chart2.xml");
    assert!(grades.contains("概况!$A$5:$A$8") && grades.contains("概况!$B$5:$B$8"));
    let problems = part("xl/charts/chart3.xml");
    assert!(problems.contains("<c:barDir val=\"bar\"/>"), "{problems}");
    let n = season(&rows).rules.len() + 1;
    assert!(
        problems.contains(&format!("问题!$A$2:$A${n}")),
        "{problems}"
    );
    assert!(
        problems.contains(&format!("问题!$C$2:$C${n}")),
        "{problems}"
    );
    // The figures are numbers a chart can draw, and the season's.
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let overview = book.worksheet_range("概况").unwrap();
    let cell = |r: u32, c: u32| overview.get_value((r, c)).cloned();
    assert_eq!(cell(1, 0), Some(Data::String("待审".into())));
    assert_eq!(cell(1, 1), Some(Data::Float(16.0)));
    assert_eq!(cell(3, 1), Some(Data::Float(2.0)));
    assert_eq!(cell(6, 1), Some(Data::Float(1.0)), "中");
    let problems = book.worksheet_range("问题").unwrap();
    assert_eq!(
        problems.get_value((1, 0)),
        Some(&Data::String("QUANT-02".into()))
    );
    assert_eq!(problems.get_value((1, 2)), Some(&Data::Float(2.0)));
    let dismissed = book.worksheet_range("不采纳").unwrap();
    assert_eq!(
        dismissed.get_value((1, 0)),
        Some(&Data::String("QUANT-01".into()))
    );
    let results = book.worksheet_range("审核结果").unwrap();
    assert_eq!(results.height(), rows.len() + 1);
}

#[test]
fn the_report_to_the_government_in_its_words_and_as_a_document() {
    use crate::config::ReportSettings;
    let (_dir, rows) = reviewed_folder();
    let settings = ReportSettings {
        to: Some("广州市云溪区人民政府".into()),
        issuer: Some("广州市云溪区财政局".into()),
    };
    let made = report::report(
        &rows,
        &season(&rows),
        &settings,
        jiff::civil::Date::constant(2026, 12, 10),
    );
    let text = report::text(&made);
    // Never a reviewer's name: the examples are the departments' own words.
    for reviewer in ["王审核", "李复核"] {
        assert!(!text.contains(reviewer), "{reviewer} named");
    }
    insta::assert_snapshot!("report-text", text);
    // The document holds the same words, the table of results in place.
    let xml = zip_part(&report::document(&made).unwrap(), "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let words: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("p") && !n.ancestors().skip(1).any(|a| a.has_tag_name("tbl")))
        .map(|p| {
            p.descendants()
                .filter(|t| t.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect();
    insta::assert_snapshot!("report-document-xml", words.join("\n"));
    let cells: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tc"))
        .map(|c| {
            c.descendants()
                .filter(|t| t.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
        .collect();
    assert_eq!(cells.len(), 4 * (rows.len() + 1));
    assert_eq!(&cells[..4], ["序号", "部门（单位）", "审核结论", "等次"]);
    let seed = cells
        .iter()
        .position(|c| c == "广州市天河区司法局")
        .unwrap();
    assert_eq!(cells[seed + 1..seed + 3], ["退回修改", "中"]);
}

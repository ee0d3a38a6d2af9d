//! Golden tests of the 审核意见 on sample-data with fixed records: the
//! Markdown, and the text, page setup and fonts of the Word document.

use super::*;
use crate::config::Config;
use crate::review::export::{Reviewed, gather, notices};
use crate::review::journal::append;
use crate::review::record::{Body, Disposition, Grade, Place, Record};
use crate::review::{my_journal, sha256_hex};
use std::io::Read;

fn record(n: usize, sha: &str, body: Body) -> Record {
    let at = format!("2026-11-30T09:00:{n:02}.000Z");
    // In this account's own journal, as this account: vouched for.
    let me = crate::review::act::login();
    crate::testing::record(&format!("r{n}"), "王审核", me.as_deref(), &at, sha, body)
}

use crate::testing::comment;

fn flag(rule: &str, path: &str) -> Place {
    Place::Flag {
        rule: rule.into(),
        path: path.into(),
    }
}

fn judge(rule: &str, path: &str, disposition: Disposition, reason: Option<&str>) -> Body {
    Body::Disposition {
        rule: rule.into(),
        path: path.into(),
        disposition,
        reason: reason.map(str::to_string),
    }
}

fn returned(grade: Grade) -> Body {
    Body::Decision {
        decision: Decision::Return,
        grade: Some(grade),
    }
}

/// The seed returned with a judged flag or two and comments of every kind,
/// and the file that does not load returned with a comment on the whole.
fn folder() -> (tempfile::TempDir, Vec<Reviewed>) {
    let dir = crate::testing::sample_copies(&["tianhe-sfj.json", "yx-gxj.json", "yx-daj.json"]);
    let sha = |name: &str| sha256_hex(&std::fs::read(dir.path().join(name)).unwrap());
    let seed = sha("tianhe-sfj.json");
    let records = [
        comment(
            flag("QUANT-04", "indicators[23]"),
            "请把目标值改为受援人次的具体数字。\n可参照上年实际完成数。",
        ),
        // On the row of INFO-01's flag: it belongs to that flag's point.
        comment(
            Place::Location {
                path: "department.staff_count".into(),
            },
            "请补填财政供养人员数。",
        ),
        comment(Place::Declaration, "总体绩效目标请补充可衡量的内容。"),
        comment(Place::Declaration, "这条意见已撤回"),
        Body::Withdraw { of: "r3".into() },
        judge(
            "QUANT-01",
            "indicators[20]",
            Disposition::Dismiss,
            Some("考核标准明确"),
        ),
        judge("HIER-04", "indicators", Disposition::Accept, None),
        returned(Grade::Fair),
    ];
    let journal = my_journal(&dir.path().join("tianhe-sfj.json"));
    for (n, body) in records.into_iter().enumerate() {
        append(&journal, &record(n, &seed, body)).unwrap();
    }
    let earlier = comment(flag("QUANT-01", "indicators[22]"), "对旧版本的意见");
    append(&journal, &record(20, "an-earlier-version", earlier)).unwrap();

    let broken = my_journal(&dir.path().join("yx-gxj.json"));
    let gxj = sha("yx-gxj.json");
    append(
        &broken,
        &record(
            30,
            &gxj,
            comment(Place::Declaration, "请按模板修正金额后重新报送。"),
        ),
    )
    .unwrap();
    append(&broken, &record(31, &gxj, returned(Grade::Poor))).unwrap();
    let approved = my_journal(&dir.path().join("yx-daj.json"));
    let daj = sha("yx-daj.json");
    let suggestion = comment(Place::Declaration, "建议下年度细化满意度指标。");
    append(&approved, &record(40, &daj, suggestion)).unwrap();
    let approve = Body::Decision {
        decision: Decision::Approve,
        grade: Some(Grade::Good),
    };
    append(&approved, &record(41, &daj, approve)).unwrap();
    let rows = gather(dir.path(), &Config::default()).unwrap();
    (dir, rows)
}

fn settings() -> NoticeSettings {
    NoticeSettings {
        issuer: Some("广州市云溪区财政局".into()),
        contact: Some("张三".into()),
        phone: Some("020-12345678".into()),
        deadline_days: 5,
        ..NoticeSettings::default()
    }
}

fn issue() -> Issue {
    Issue::on(
        Date::constant(2026, 12, 1),
        &crate::config::NoticeSettings::default(),
    )
}

fn the_notices(rows: &[Reviewed]) -> Vec<(&str, Notice)> {
    notices(rows, &settings(), &issue(), false, Lang::Zh)
}

/// Does `text` hold something shaped like a rule ID (`[A-Z]+-[0-9]{2}`)?
fn has_rule_id(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        b[i] == b'-'
            && i > 0
            && b[i - 1].is_ascii_uppercase()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit)
    })
}

/// What the department must never read: the reviewer's own marks.
fn assert_nothing_internal(text: &str) {
    assert!(!has_rule_id(text), "a rule ID: {text}");
    for word in [
        "错误",
        "警告",
        "提示",
        ".json",
        "tianhe-sfj",
        "yx-gxj",
        "王审核",
        "wang",
    ] {
        assert!(!text.contains(word), "{word} in:\n{text}");
    }
    assert!(!text.contains("这条意见已撤回"), "a withdrawn comment");
    assert!(
        !text.contains("对旧版本的意见"),
        "a comment on an earlier version"
    );
    assert!(!text.contains("符合省市考核标准"), "the dismissed flag");
}

#[test]
fn returned_declarations_get_one_notice_each() {
    let (_dir, rows) = folder();
    let notices = the_notices(&rows);
    let files: Vec<&str> = notices.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        files,
        ["tianhe-sfj.json", "yx-gxj.json"],
        "the returned ones"
    );
    let with_approved =
        crate::review::export::notices(&rows, &settings(), &issue(), true, Lang::Zh);
    assert_eq!(with_approved.len(), 3);
    let (file, approved) = &with_approved[1];
    assert_eq!(*file, "yx-daj.json");
    assert!(
        approved.opening.contains("审核结果为“良”，予以通过"),
        "{}",
        approved.opening
    );
    assert_eq!(approved.sections[0].heading, "其他意见");
    assert_eq!(
        approved.sections[0].points[0].paragraphs,
        ["建议下年度细化满意度指标。"]
    );
}

#[test]
fn the_notice_reads_as_the_bureau_writes_it() {
    let (_dir, rows) = folder();
    let notices = the_notices(&rows);
    let seed = &notices[0].1;
    assert_eq!(
        seed.title,
        "关于广州市天河区司法局部门整体预算绩效目标的审核意见"
    );
    assert_eq!(seed.addressee, "广州市天河区司法局：");
    assert!(
        seed.opening.contains("审核结果为“中”")
            && seed
                .opening
                .contains("请于2026年12月8日前修改完善后重新报送"),
        "{}",
        seed.opening
    );
    let headings: Vec<&str> = seed.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["基本信息", "绩效指标", "其他意见"], "form order");
    let basic = &seed.sections[0].points;
    assert_eq!(
        basic.len(),
        1,
        "the comment on the flagged row joins its point"
    );
    assert_eq!(
        basic[0].paragraphs,
        [
            "财政供养人员数未填写。建议补充填写。",
            "请补填财政供养人员数。"
        ],
        "a practice is advice; the comment a sentence of its own after it"
    );
    let indicators = &seed.sections[1].points;
    let first_words: Vec<&str> = indicators
        .iter()
        .map(|p| p.paragraphs[0].as_str())
        .collect();
    assert_eq!(
        first_words,
        [
            "绩效指标未设成本指标。建议按实际设置成本指标，反映履职成本的控制要求。",
            "指标“提升行政规范性文件影响力，优化区营商环境。”的指标值“完成年度行政规范性文件英文翻译数量”既没有量化，也不是分级表述。请按实际量化为具体数值，或采用分级表述。依据《财政支出绩效评价管理暂行办法》。",
            "指标“法律援助受益人数”的指标值“法律援助案件全年受援人数”只是复述了指标名称。建议填写可衡量的目标值。",
        ],
        "the included note first (the table as a whole), the dismissed flag gone"
    );
    assert_eq!(
        indicators[2].paragraphs,
        [
            "指标“法律援助受益人数”的指标值“法律援助案件全年受援人数”只是复述了指标名称。建议填写可衡量的目标值。",
            "请把目标值改为受援人次的具体数字。",
            "可参照上年实际完成数。",
        ],
        "the comment under its flag, its line break kept"
    );
    assert_eq!(seed.contact, "联系人：张三，联系电话：020-12345678。");
    assert_eq!(
        (seed.issuer.as_str(), seed.date.as_str()),
        ("广州市云溪区财政局", "2026年12月1日")
    );

    let broken = &notices[1].1;
    assert!(
        broken.opening.contains("文件无法读取") && broken.opening.contains("收入来源·其他资金"),
        "{}",
        broken.opening
    );
    assert_eq!(
        broken.sections[0].points[0].paragraphs,
        ["请按模板修正金额后重新报送。"]
    );
}

#[test]
fn the_markdown_notice() {
    let (_dir, rows) = folder();
    let md = crate::review::export::markdown(&the_notices(&rows), Lang::Zh);
    assert_nothing_internal(&md);
    assert_eq!(md.matches("\n---\n").count(), 1, "two notices, apart");
    insta::assert_snapshot!("notice-md-zh", md);
}

/// A part of a docx file (a zip of XML parts).
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The text of each paragraph of a WordprocessingML part, as a reader
/// sees it (the runs' `w:t` joined).
fn paragraph_texts(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(start) = rest.find("<w:t") {
                let after = &rest[start..];
                let Some(open_end) = after.find('>') else {
                    break;
                };
                if after[..open_end].ends_with('/') {
                    rest = &after[open_end..];
                    continue;
                }
                let body = &after[open_end + 1..];
                let end = body.find("</w:t>").unwrap_or(body.len());
                text.push_str(&body[..end]);
                rest = &body[end..];
            }
            text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn the_word_document_says_the_same_on_an_a4_page_set_as_a_public_document() {
    let (_dir, rows) = folder();
    let notices = the_notices(&rows);
    let bytes = docx::document(&notices[0].1, Lang::Zh).unwrap();
    let document = part(&bytes, "word/document.xml");
    // Opened by a strict XML 1.0 reader, as Word and LibreOffice open it.
    roxmltree::Document::parse(&document).expect("the document opens");
    let texts = paragraph_texts(&document);
    let joined = texts.join("\n");
    assert_nothing_internal(&joined);
    assert_eq!(
        texts,
        text::paragraphs(&notices[0].1, Lang::Zh)
            .iter()
            .map(|p| format!("{}{}", p.lead, p.text))
            .collect::<Vec<_>>(),
        "the same paragraphs as the Markdown and the preview"
    );
    insta::assert_snapshot!("notice-docx-text-zh", joined);

    assert!(
        document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "A4"
    );
    for margin in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(document.contains(margin), "{margin}: 37/35/28/26 mm");
    }
    for font in [
        docx::TITLE_FONT,
        docx::BODY_FONT,
        docx::HEADING_FONT,
        docx::POINT_FONT,
    ] {
        assert!(
            document.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{font} named for East Asian text"
        );
    }
    assert!(
        document.contains(r#"<w:sz w:val="44" />"#) || document.contains(r#"<w:sz w:val="44"/>"#),
        "title 22 pt"
    );
    assert!(
        document.contains(&format!(
            r#"w:line="{}" w:lineRule="exact""#,
            docx::LINE_TWIPS
        )),
        "a fixed line height"
    );
    let footer_name = (1..4)
        .map(|n| format!("word/footer{n}.xml"))
        .find(|n| {
            zip::ZipArchive::new(std::io::Cursor::new(&bytes))
                .unwrap()
                .by_name(n)
                .is_ok()
        })
        .expect("a footer");
    assert!(
        part(&bytes, &footer_name).contains("PAGE"),
        "a page number at the foot"
    );
}

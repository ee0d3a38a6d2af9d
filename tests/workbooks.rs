//! Declarations written as the province's template by the project's own
//! writer read back box for box, however the template is laid out; every
//! kind of broken workbook is one error naming its sheet and cell.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

mod common;
#[allow(dead_code)]
#[path = "../benches/gen/workbook.rs"]
mod workbook;

use shenhe::config::Config;
use shenhe::load::workbook::{Kind, parse, region_of};
use shenhe::load::{LoadError, LoadErrorKind, WorkbookError};
use shenhe::model::v1::to_json;
use shenhe::model::{Declaration, TargetColumns};
use std::path::Path;
use workbook::Layout;

const CAP: u64 = 64 << 20;

fn sample(name: &str) -> Declaration {
    let path = common::sample_file(name);
    let mut d = shenhe::load::parse(&std::fs::read(path).unwrap()).unwrap();
    // What the template cannot carry, or carries differently: no unit code
    // box, the region read from the department's name, the own-use label
    // printed on the form.
    d.department.code = None;
    d.region = d.department.name.as_deref().and_then(region_of);
    d.budget
        .by_level
        .own_use_label
        .get_or_insert("区本级使用资金".into());
    d
}

fn single_column(mut d: Declaration) -> Declaration {
    d.target_columns = TargetColumns::One;
    for r in &mut d.indicators {
        r.period_target = None;
    }
    d.budget.by_level.own_use_label = Some("市本级使用资金".into());
    d
}

fn round_trip(d: &Declaration, layout: &Layout) -> Declaration {
    let bytes = workbook::write(d, layout).expect("the writer writes");
    match parse(&bytes, Kind::Xlsx, CAP) {
        Ok(back) => back,
        Err(e) => panic!("{layout:?}: {e:?}"),
    }
}

#[test]
fn a_declaration_reads_back_equal_in_every_layout() {
    let layouts = [
        Layout::default(),
        Layout {
            merge_levels: true,
            percent_numbers: true,
            formula_income: true,
            ..Layout::default()
        },
        Layout {
            extra_rows: 2,
            first_col: 1,
            swap_columns: true,
            text_amounts: true,
            merge_levels: true,
            other_tasks_box: true,
            level: "市级",
            ..Layout::default()
        },
    ];
    for file in ["yx-jyj.json", "yx-wjj.json", "yx-mzj.json", "yx-whj.json"] {
        let two = sample(file);
        let one = single_column(sample(file));
        for d in [&two, &one] {
            for layout in &layouts {
                let back = round_trip(d, layout);
                assert_eq!(to_json(&back), to_json(d), "{file} {layout:?}");
                let settings = Config::default().rules;
                assert_eq!(
                    shenhe::rules::check(&back, &settings),
                    shenhe::rules::check(d, &settings),
                    "{file} {layout:?}"
                );
            }
        }
    }
}

#[test]
fn other_tasks_and_template_rows_read_back() {
    let mut d = single_column(sample("yx-daj.json"));
    d.other_tasks = Some("完成档案安全检查。\n第二行".into());
    d.indicators.push(workbook_row("产出指标", "成本指标"));
    d.indicators.push(workbook_row("效益指标", "生态效益指标"));
    let back = round_trip(
        &d,
        &Layout {
            merge_levels: true,
            ..Layout::default()
        },
    );
    assert_eq!(to_json(&back), to_json(&d));
    assert!(back.indicators.last().unwrap().is_template_row());
}

fn workbook_row(l1: &str, l2: &str) -> shenhe::model::Indicator {
    shenhe::model::Indicator {
        level1: Some(l1.into()),
        level2: Some(l2.into()),
        ..Default::default()
    }
}

/// A small edit of a written template: `edit` changes the one sheet.
fn edited(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    // yx-daj in the default layout, its values copied onto a sheet named
    // 申报表, then changed.
    let d = sample("yx-daj.json");
    let bytes = workbook::write(&d, &Layout::default()).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("申报表").unwrap();
    copy_form(&bytes, ws);
    edit(ws);
    book.save_to_buffer().unwrap()
}

/// Copies every stored cell of the first sheet of `bytes` (values only).
fn copy_form(bytes: &[u8], ws: &mut rust_xlsxwriter::Worksheet) {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range("Sheet1").unwrap();
    for (r, c, v) in range.used_cells() {
        let (r, c) = (r as u32, c as u16);
        match v {
            Data::String(s) => ws.write_string(r, c, s).map(|_| ()),
            Data::Float(f) => ws.write_number(r, c, *f).map(|_| ()),
            Data::Int(i) => ws.write_number(r, c, *i as f64).map(|_| ()),
            _ => Ok(()),
        }
        .unwrap();
    }
}

fn error_of(bytes: &[u8]) -> LoadError {
    match parse(bytes, Kind::Xlsx, CAP) {
        Ok(_) => panic!("should not load"),
        Err(e) => e,
    }
}

fn message(e: &LoadError) -> String {
    e.message(shenhe::i18n::Lang::Zh, "a.xlsx")
}

#[test]
fn a_bad_amount_cell_names_sheet_cell_and_box() {
    // 其他资金 is E6 in the default layout.
    let e = error_of(&edited(|ws| {
        ws.write_string(5, 4, "1,234.00").unwrap();
    }));
    assert_eq!(e.problem, LoadErrorKind::BadAmount("1,234.00".into()));
    assert_eq!(e.field.as_deref(), Some("budget.income.other"));
    assert_eq!(e.cell.as_deref(), Some("申报表!E6"));
    let m = message(&e);
    assert!(
        m.starts_with("a.xlsx 申报表!E6（收入来源·其他资金）：金额“1,234.00”"),
        "{m}"
    );

    let e = error_of(&edited(|ws| {
        ws.write_number(4, 2, 1e13).unwrap();
    }));
    assert!(
        matches!(e.problem, LoadErrorKind::AmountTooLarge(_)),
        "{e:?}"
    );
    assert_eq!(e.cell.as_deref(), Some("申报表!C5"));

    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    let e = error_of(&edited(|ws| {
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 1, 31).unwrap();
        ws.write_datetime_with_format(11, 3, &day, &date).unwrap();
    }));
    assert_eq!(e.problem, LoadErrorKind::BadAmount("2024-01-31".into()));
    assert_eq!(e.field.as_deref(), Some("key_tasks[0].funds"));
    assert_eq!(e.cell.as_deref(), Some("申报表!D12"));
}

#[test]
fn a_bad_count_names_its_cell() {
    let e = error_of(&edited(|ws| {
        ws.write_string(2, 2, "十二").unwrap();
    }));
    assert_eq!(e.field.as_deref(), Some("department.staff_count"));
    assert_eq!(e.cell.as_deref(), Some("申报表!C3"));
    assert!(
        message(&e).contains("申报表!C3（财政供养人员数）"),
        "{}",
        message(&e)
    );
    let e = error_of(&edited(|ws| {
        ws.write_number(2, 4, 2.5).unwrap();
    }));
    assert_eq!(e.cell.as_deref(), Some("申报表!E3"));
}

#[test]
fn a_missing_label_or_header_is_named() {
    // The default layout: title, name, basic facts, six budget rows, the
    // goal, the task table (a header and a row per task), the indicators.
    let indicators = 11 + sample("yx-daj.json").key_tasks.len() as u32;
    let cases: [(u32, u16, &str); 4] = [
        (indicators, 0, "绩效指标"),
        (5, 1, "项目支出"),
        (7, 3, "本级使用资金"),
        (1, 0, "部门名称"),
    ];
    for (r, c, label) in cases {
        let e = error_of(&edited(|ws| {
            ws.write_string(r, c, "某某").unwrap();
        }));
        assert_eq!(
            e.problem,
            LoadErrorKind::Workbook(WorkbookError::LabelMissing(label)),
            "{label}"
        );
        assert!(message(&e).contains(&format!("找不到“{label}”")));
    }
    let e = error_of(&edited(|ws| {
        ws.write_string(indicators, 3, "指标名称").unwrap();
    }));
    assert_eq!(
        e.problem,
        LoadErrorKind::Workbook(WorkbookError::HeaderMissing {
            table: "绩效指标",
            header: "三级指标"
        })
    );
}

#[test]
fn what_is_not_a_workbook_says_so() {
    for bytes in [&b"not a zip at all"[..], b"", b"PK\x03\x04broken"] {
        let e = error_of(bytes);
        assert!(
            matches!(
                e.problem,
                LoadErrorKind::Workbook(WorkbookError::NotAWorkbook(_))
            ),
            "{e:?}"
        );
    }
    for kind in [Kind::Xls, Kind::Ods] {
        let e = parse(b"garbage", kind, CAP).unwrap_err();
        assert!(matches!(
            e.problem,
            LoadErrorKind::Workbook(WorkbookError::NotAWorkbook(_))
        ));
    }
}

#[test]
fn a_zip_bomb_is_refused_by_what_it_unpacks_to() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/sharedStrings.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..16 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
    let e = parse(&bytes, Kind::Xlsx, 8 << 20).unwrap_err();
    assert_eq!(
        e.problem,
        LoadErrorKind::Workbook(WorkbookError::UnpacksTooLarge { cap: 8 << 20 })
    );
}

#[test]
fn a_cell_at_the_far_corner_costs_no_dense_sheet() {
    // A1 … XFD1048576 would be 17 billion cells as a dense range.
    let bytes = edited(|ws| {
        ws.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let d = parse(&bytes, Kind::Xlsx, CAP).expect("still the form");
    assert_eq!(d.department.name, sample("yx-daj.json").department.name);
    let e = error_of(&edited(|ws| {
        for r in 0..260 {
            for c in 0..200 {
                ws.write_number(2000 + r, c, 1.0).unwrap();
            }
        }
    }));
    assert_eq!(
        e.problem,
        LoadErrorKind::Workbook(WorkbookError::TooManyCells { max: 50_000 })
    );
}

/// The unpacked-size limit counts what a zip declares; that is a bound only
/// because the zip crate never reads an entry past its declared size. An
/// entry that lies (2 MiB of data declared as 100 bytes) must end in an
/// error, not in 2 MiB.
#[test]
fn a_zip_entry_that_lies_about_its_size_is_not_read_past_it() {
    use std::io::{Read, Write};
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/sharedStrings.xml", opts).unwrap();
    zip.write_all(&vec![b'a'; 2 << 20]).unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    let patch = |bytes: &mut Vec<u8>, signature: &[u8], offset: usize| {
        let at = bytes
            .windows(4)
            .position(|w| w == signature)
            .expect("the header");
        bytes[at + offset..at + offset + 4].copy_from_slice(&100u32.to_le_bytes());
    };
    patch(&mut bytes, b"PK\x01\x02", 24);
    patch(&mut bytes, b"PK\x03\x04", 22);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    assert_eq!(archive.by_index_raw(0).unwrap().size(), 100);
    let mut out = Vec::new();
    let read = archive.by_index(0).unwrap().read_to_end(&mut out);
    assert!(
        read.is_err() || out.len() <= 101,
        "read {} bytes",
        out.len()
    );
    assert!(out.len() <= 101, "read {} bytes", out.len());
}

/// The sample workbooks as LibreOffice saves them in the other two formats
/// (tests/fixtures/README.md) read to the same declaration, box for box:
/// merged labels (calamine gives none for .ods) and the `0%` target (it
/// reads .xls formats only for dates) included.
#[test]
fn ods_and_xls_read_as_the_xlsx_they_were_saved_from() {
    let samples = common::sample_dir();
    let config = Config::default();
    let read = |p: &Path| {
        shenhe::load::read(p, config.max_file_bytes)
            .unwrap_or_else(|e| panic!("{}: {e:?}", p.display()))
    };
    for (fixture, original) in [
        ("nyj-ods.ods", "yx-nyj.xlsx"),
        ("nyj-xls.xls", "yx-nyj.xlsx"),
        ("tyj-ods.ods", "ysh-tyj.xlsx"),
        ("tyj-xls.xls", "ysh-tyj.xlsx"),
    ] {
        let got = read(&common::fixture(fixture));
        let want = read(&samples.join(original));
        assert_eq!(to_json(&got), to_json(&want), "{fixture}");
        assert_eq!(
            got.cells.get(shenhe::model::Location::Indicator(2, None)),
            want.cells.get(shenhe::model::Location::Indicator(2, None)),
            "{fixture}"
        );
    }
}

/// calamine lays each .xls and .ods sheet out densely when it opens the
/// file: a damaged cell position (this one found by flipping bytes of the
/// .xls fixture) made it ask for 76 GB and abort the process. Such files
/// are refused before calamine sees them.
#[test]
fn a_damaged_xls_or_a_repeating_ods_is_refused_not_laid_out() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut xls = std::fs::read(fixtures.join("nyj-xls.xls")).unwrap();
    let flips = [
        (7623, 104),
        (8336, 41),
        (7321, 52),
        (4880, 122),
        (9092, 131),
        (2438, 17),
        (3351, 189),
        (7148, 87),
        (1217, 104),
        (8002, 180),
        (7009, 243),
        (3010, 189),
        (8046, 212),
        (1961, 46),
        (8180, 55),
        (6369, 172),
        (6003, 221),
        (7472, 94),
        (5228, 180),
        (5535, 24),
        (8418, 39),
        (6593, 202),
        (6871, 14),
    ];
    for (at, b) in flips {
        xls[at] = b;
    }
    assert!(parse(&xls, Kind::Xls, CAP).is_err());

    // A few bytes of content.xml claiming 50,000 rows of a thousand values:
    // under calamine's own limit (100 million), 1.6 GB laid out.
    let ods = std::fs::read(fixtures.join("nyj-ods.ods")).unwrap();
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(&ods[..])).unwrap();
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..from.len() {
        use std::io::{Read, Write};
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "content.xml" {
            let text = String::from_utf8(data).unwrap();
            // At the top of the sheet: its last rows reach row 1,048,576 already.
            let bomb = r#"<table:table-row table:number-rows-repeated="50000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row><table:table-row>"#;
            data = text
                .replacen(r#"<table:table-row table:style-name="ro1">"#, bomb, 1)
                .into_bytes();
        }
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        to.start_file(name, opts).unwrap();
        to.write_all(&data).unwrap();
    }
    let bomb = to.finish().unwrap().into_inner();
    let e = parse(&bomb, Kind::Ods, CAP).unwrap_err();
    assert_eq!(
        e.problem,
        LoadErrorKind::Workbook(WorkbookError::SheetTooLarge { max: 1_000_000 })
    );
}

//! This reader against calamine, which read .xlsx before it: cell for
//! cell, format for format, on the samples, the two real forms, a form
//! written by rust_xlsxwriter with every kind of value, and packages
//! written by hand with what those writers never write.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure is a failed test

use super::super::grid::{Value, percent_format};
use super::*;
use crate::load::bounds::cell_text;
use crate::model::cells::CellRef;
use calamine::{DataRef, Reader, Xlsx};
use std::io::Write;
use std::path::Path;

type Sheets = Vec<(String, Vec<(CellRef, Value)>, Vec<(CellRef, u8)>)>;

/// Every sheet's cells and percentages as calamine reads them (the code
/// this reader replaced).
fn calamine_sheets(bytes: &[u8]) -> Sheets {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let (mut cells, mut percent) = (Vec::new(), Vec::new());
        let mut reader = book.worksheet_cells_reader(&name).unwrap();
        while let Some((cell, style)) = reader.next_cell_with_style_id().unwrap() {
            let (row, col) = cell.get_position();
            let value = match cell.get_value() {
                DataRef::Int(i) => Value::Number(*i as f64),
                DataRef::Float(f) => Value::Number(*f),
                DataRef::String(s) => Value::Text(cell_text(s)),
                DataRef::SharedString(s) => Value::Text(cell_text(s)),
                DataRef::Bool(b) => Value::Bool(*b),
                DataRef::DateTime(d) => Value::Date(d.as_f64()),
                DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(cell_text(s)),
                DataRef::Error(e) => Value::Error(e.to_string()),
                DataRef::Empty => continue,
            };
            let at = CellRef::new(row, col);
            if matches!(value, Value::Number(_))
                && let Some(f) = reader
                    .styles()
                    .get(style)
                    .and_then(|s| s.number_format.as_ref())
                && let Some(decimals) = percent_format(&f.format_code, f.format_id)
            {
                percent.push((at, decimals));
            }
            cells.push((at, value));
        }
        drop(reader);
        out.push((name, cells, percent));
    }
    out
}

/// Every sheet's cells and percentages as this reader reads them.
fn our_sheets(bytes: &[u8]) -> Result<Sheets, WorkbookError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let (base, workbook) = workbook_part(&mut zip)?;
    let rels = part(&mut zip, &format!("{base}_rels/workbook.xml.rels"))?.unwrap_or_default();
    let parts = package::parts(&workbook, &rels, &base)?;
    let strings = package::strings(&part(&mut zip, "xl/sharedStrings.xml")?.unwrap_or_default())?;
    let formats = package::formats(&part(&mut zip, "xl/styles.xml")?.unwrap_or_default())?;
    let shared = sheet::Shared {
        strings: &strings,
        formats: &formats,
    };
    let mut out = Vec::new();
    for (name, part_name) in parts.sheets {
        let xml = part(&mut zip, &part_name)?.unwrap();
        let read = sheet::read(&xml, &shared)?;
        out.push((name, read.cells, read.percent));
    }
    Ok(out)
}

fn same_as_calamine(what: &str, bytes: &[u8]) {
    let ours = our_sheets(bytes).unwrap_or_else(|e| panic!("{what}: {e:?}"));
    let theirs = calamine_sheets(bytes);
    assert_eq!(ours.len(), theirs.len(), "{what}: sheets");
    for (o, t) in ours.iter().zip(&theirs) {
        assert_eq!(o.0, t.0, "{what}: sheet names");
        for (a, b) in o.1.iter().zip(&t.1) {
            assert_eq!(a, b, "{what}, sheet {}", o.0);
        }
        assert_eq!(o.1.len(), t.1.len(), "{what}, sheet {}: cells", o.0);
        assert_eq!(o.2, t.2, "{what}, sheet {}: percentages", o.0);
    }
}

#[test]
fn the_samples_and_the_real_forms_read_as_calamine_read_them() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/real");
    let mut read = 0;
    for dir in [samples, real] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipped: {} is not here", dir.display());
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "xlsx") {
                same_as_calamine(&path.display().to_string(), &std::fs::read(&path).unwrap());
                read += 1;
            }
        }
    }
    assert!(read >= 3, "{read} workbooks compared");
}

#[test]
fn every_kind_of_value_rust_xlsxwriter_writes_reads_as_calamine_read_it() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("申报表").unwrap();
    let percent = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    let money = Format::new().set_num_format("#,##0.00_ ");
    sheet.write_string(0, 0, "部门名称").unwrap();
    sheet.write_string(0, 1, "  前后有空格  ").unwrap();
    sheet.write_string(0, 2, "回车\r换行\n制表\t").unwrap();
    sheet.write_string(0, 3, "a_x000D_b & <c>").unwrap();
    sheet
        .write_number_with_format(1, 0, 0.955, &percent)
        .unwrap();
    sheet
        .write_number_with_format(1, 1, 1286.52, &money)
        .unwrap();
    sheet.write_number(1, 2, -0.1).unwrap();
    sheet.write_number(1, 3, 1e-7).unwrap();
    let day = ExcelDateTime::from_ymd(2025, 1, 1).unwrap();
    sheet.write_datetime_with_format(2, 0, &day, &date).unwrap();
    sheet.write_boolean(2, 1, true).unwrap();
    sheet
        .write_formula(2, 2, Formula::new("=B2*2").set_result("2573.04"))
        .unwrap();
    sheet
        .write_formula(2, 3, Formula::new("=\"合\"&\"计\"").set_result("合计"))
        .unwrap();
    let bold = Format::new().set_bold();
    sheet
        .write_rich_string(
            3,
            0,
            &[(&bold, "广州市"), (&Format::default(), "天河区 司法局")],
        )
        .unwrap();
    sheet
        .merge_range(4, 0, 5, 3, "合并", &Format::default())
        .unwrap();
    sheet.set_row_hidden(6).unwrap();
    sheet.write_string(6, 0, "藏起来的行").unwrap();
    book.add_worksheet().write_string(0, 0, "第二张表").unwrap();
    same_as_calamine("rust_xlsxwriter", &book.save_to_buffer().unwrap());
}

/// A package of these parts besides the ones every workbook has.
fn package(sheet: &str, strings: &str, styles: &str) -> Vec<u8> {
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表 &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
        ),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", strings),
        ("xl/styles.xml", styles),
    ];
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="176" formatCode="0.00%"/><numFmt numFmtId="177" formatCode="&quot;占&quot;0%"/><numFmt numFmtId="178" formatCode="yyyy/m/d"/></numFmts><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="178"/><xf numFmtId="9"/><xf numFmtId="14"></xf></cellXfs></styleSheet>"#;

fn sheet_of(rows: &str) -> String {
    format!(
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:F9"/><sheetData>{rows}</sheetData><mergeCells count="1"><mergeCell ref="A8:C9"/></mergeCells></worksheet>"#
    )
}

#[test]
fn what_hand_written_packages_hold_reads_as_calamine_read_it() {
    let strings = concat!(
        r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">"#,
        r#"<si><t>部门名称</t></si><si/><si><r><t xml:space="preserve"> 广州 </t></r><r><rPr><b/></rPr><t>市</t></r>"#,
        r#"<rPh sb="0" eb="1"><t>コウ</t></rPh></si><si><t>第一行_x000D_&#10;第二行</t></si><si><t><![CDATA[<原样>]]></t></si></sst>"#
    );
    let rows = concat!(
        r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>"#,
        r#"<row><c s="1"><v>0.955</v></c><c s="2"><v>0.5</v></c><c s="3"><v>45658</v></c><c s="4"><v>1</v></c><c s="5"><v>45292.5</v></c><c><v>12.50</v></c></row>"#,
        r#"<row r="4"><c r="A4" t="inlineStr"><is><t>行内</t></is></c><c r="B4" t="str"><f>A4</f><v>公式_x0009_结果</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="e"><v>#DIV/0!</v></c><c r="E4" t="d"><v>2025-01-01T00:00:00</v></c><c r="F4"><v>不是数字</v></c></row>"#,
        r#"<row r="5" hidden="1"><c r="A5" s="9"><v>7</v></c><c r="B5" s="1"/><c r="C5"><v></v></c><c r="D5" t="s"><v></v></c></row>"#,
        r#"<row r="6"><c r="A6" t="n"><v>1E+3</v></c><c r="B6"><f>SUM(A1:A2)</f><v>3</v></c><c r="C6" t="inlineStr"><v>忽略</v><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>"#,
    );
    same_as_calamine("by hand", &package(&sheet_of(rows), strings, STYLES));
}

#[test]
fn what_a_cell_cannot_hold_is_refused_naming_the_cell() {
    let strings = r#"<sst><si><t>一</t></si></sst>"#;
    for (row, stored) in [
        (r#"<row r="3"><c r="D3" t="s"><v>7</v></c></row>"#, "7"),
        (
            r#"<row r="3"><c r="D3" t="n"><v>十二</v></c></row>"#,
            "十二",
        ),
        (
            r#"<row r="3"><c r="D3" t="e"><v>#OOPS!</v></c></row>"#,
            "#OOPS!",
        ),
        (
            r#"<row r="3"><c r="D3" t="b"><v>maybe</v></c></row>"#,
            "maybe",
        ),
        (r#"<row r="3"><c r="D3" t="x"><v>1</v></c></row>"#, "1"),
    ] {
        let bytes = package(&sheet_of(row), strings, STYLES);
        let e = our_sheets(&bytes).unwrap_err();
        assert_eq!(
            e,
            WorkbookError::BadCell {
                at: CellRef::new(2, 3),
                stored: stored.into()
            }
        );
    }
}

#[test]
fn a_package_whose_workbook_is_elsewhere_is_found_by_its_relationships() {
    let moved = package(
        &sheet_of(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
        r#"<sst><si><t>部门名称</t></si></sst>"#,
        STYLES,
    );
    let mut from = ZipArchive::new(Cursor::new(moved.as_slice())).unwrap();
    let mut to = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..from.len() {
        let mut entry = from.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        let (name, data) = match name.as_str() {
            "_rels/.rels" => (
                name,
                String::from_utf8(data)
                    .unwrap()
                    .replace("xl/workbook.xml", "/XL/Book.xml")
                    .into_bytes(),
            ),
            "xl/workbook.xml" => ("XL/Book.xml".to_string(), data),
            "xl/_rels/workbook.xml.rels" => ("XL/_rels/workbook.xml.rels".to_string(), data),
            _ => (name, data),
        };
        to.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        to.write_all(&data).unwrap();
    }
    let bytes = to.finish().unwrap().into_inner();
    let mut zip = ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    let grid = read(&mut zip, |_| true).unwrap();
    assert_eq!(grid.sheet, "表 & 1");
    assert_eq!(
        grid.value(CellRef::new(0, 0)),
        &Value::Text("部门名称".into())
    );
}

#[test]
fn references_within_excel_read_and_the_rest_do_not() {
    assert_eq!(parse_ref("A1"), Some((Some(1), Some(1))));
    assert_eq!(parse_ref("$Z$40"), Some((Some(40), Some(26))));
    assert_eq!(
        parse_ref("XFD1048576"),
        Some((Some(1_048_576), Some(16_384)))
    );
    assert_eq!(parse_ref("AB"), Some((None, Some(28))));
    assert_eq!(parse_ref("7"), Some((Some(7), None)));
    for beyond in [
        "Z4294967295",
        "Z4294967297",
        "A1048577",
        "XFE1",
        "AAAAAAAA1",
        "A0",
        "",
        "A1B",
    ] {
        assert_eq!(parse_ref(beyond), None, "{beyond}");
    }
    assert!(range_within("A1:F24"));
    assert!(!range_within("Z40:Z4294967295"));
}

#[test]
fn merged_areas_are_cells_counted_from_zero() {
    let area = |start, end| Some(Dimensions { start, end });
    assert_eq!(merged_area("A1:B2"), area((0, 0), (1, 1)));
    assert_eq!(merged_area("$C$5:$C$9"), area((4, 2), (8, 2)));
    assert_eq!(merged_area("D4"), area((3, 3), (3, 3)));
    // A whole column or row, or three corners, merges nothing.
    for none in ["A:B", "3:4", "A1:B2:C3", "", "A1:"] {
        assert_eq!(merged_area(none), None, "{none}");
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A cell's value as a writer might store it.
    #[derive(Debug, Clone)]
    enum Written {
        Text(String),
        Number(f64),
        Bool(bool),
    }

    fn written() -> impl Strategy<Value = Written> {
        prop_oneof![
            // Chinese, blanks at either end, what Excel escapes (_x000D_,
            // a control character), entities, a lone underscore run.
            "[ a-z部门目标_&<>\"'\r\n\t\u{1}]{0,12}".prop_map(Written::Text),
            "(_x[0-9A-F]{4}_|[^\u{0}]){0,4}".prop_map(Written::Text),
            (-1e9f64..1e9).prop_map(Written::Number),
            any::<bool>().prop_map(Written::Bool),
        ]
    }

    fn book(cells: &[(u16, u16, Written, u8)]) -> Vec<u8> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        let formats = [
            Format::new(),
            Format::new().set_num_format("0.00%"),
            Format::new().set_num_format("yyyy-mm-dd"),
            Format::new().set_num_format("#,##0.00_ "),
        ];
        for (row, col, value, format) in cells {
            let f = &formats[usize::from(*format) % formats.len()];
            let (row, col) = (u32::from(*row), *col);
            let _ = match value {
                Written::Text(t) => sheet.write_string_with_format(row, col, t, f),
                Written::Number(n) => sheet.write_number_with_format(row, col, *n, f),
                Written::Bool(b) => sheet.write_boolean_with_format(row, col, *b, f),
            };
        }
        book.save_to_buffer().unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48),
            ..ProptestConfig::default()
        })]

        /// Whatever a writer stores, this reader reads what calamine read.
        #[test]
        fn any_cells_written_read_as_calamine_read_them(
            cells in prop::collection::vec((0u16..40, 0u16..8, written(), any::<u8>()), 0..60)
        ) {
            same_as_calamine("generated", &book(&cells));
        }
    }
}

//! The text inside a part's elements: entities resolved, Excel's `_xHHHH_`
//! escapes decoded, phonetic guides left out, as Excel shows the cell.

use super::super::WorkbookError;
use super::super::grid::not_workbook;
use quick_xml::Reader;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesRef, BytesStart, Event};
use std::borrow::Cow;

/// A reader over a part read whole. End tags are not matched against their
/// start, as calamine did not: a sloppy writer's file still reads.
pub fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml);
    r.config_mut().check_end_names = false;
    r
}

/// The values of these attributes of an element, in one pass over them
/// (a sheet's every cell asks for three); the first of a name counts.
pub fn attrs<'e, const N: usize>(e: &'e BytesStart, names: [&str; N]) -> [Option<Cow<'e, str>>; N] {
    let mut out = [const { None }; N];
    for a in e.attributes().with_checks(false).flatten() {
        let at = names.iter().position(|n| a.key.as_ref() == *n);
        if let Some(slot) = at.and_then(|i| out.get_mut(i))
            && slot.is_none()
        {
            *slot = value(a);
        }
    }
    out
}

/// One attribute's value.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let [value] = attrs(e, [name]);
    value.map(Cow::into_owned)
}

/// An attribute's value as XML reads it: entities resolved, line breaks
/// and tabs as spaces (most values have neither, and are not copied).
fn value(a: Attribute) -> Option<Cow<str>> {
    if a.value.contains(['&', '\t', '\r', '\n']) {
        let v = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()?;
        Some(Cow::Owned(v.into_owned()))
    } else {
        Some(a.value)
    }
}

fn premature_end() -> WorkbookError {
    not_workbook("the XML ends inside an element")
}

/// Appends the text of the element just opened, up to its end (what
/// nested elements hold included).
pub fn element_text(xml: &mut Reader<&[u8]>, out: &mut String) -> Result<(), WorkbookError> {
    let mut depth = 0u32;
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Text(t) => out.push_str(&t.xml10_content()),
            Event::CData(t) => out.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => push_reference(&r, out)?,
            Event::Start(_) => depth += 1,
            Event::End(_) => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Ok(()),
            },
            Event::Eof => return Err(premature_end()),
            _ => {}
        }
    }
}

fn push_reference(r: &BytesRef, out: &mut String) -> Result<(), WorkbookError> {
    if let Some(c) = r.resolve_char_ref().map_err(not_workbook)? {
        out.push(c);
        return Ok(());
    }
    match quick_xml::escape::resolve_predefined_entity(r) {
        Some(text) => {
            out.push_str(text);
            Ok(())
        }
        None => Err(not_workbook(format!(
            "unknown entity &{};",
            crate::sanitize::shorten(r, 20)
        ))),
    }
}

/// A string item (`<si>` of the shared strings, `<is>` of a cell), read
/// from just after its start to its end: its text runs joined, phonetic
/// guides (`<rPh>`) left out. Text not marked `xml:space="preserve"` loses
/// the blanks around it, as Excel shows it. `run`: room to read a run in,
/// kept from item to item.
pub fn string_item(xml: &mut Reader<&[u8]>, run: &mut String) -> Result<String, WorkbookError> {
    let mut out = String::new();
    loop {
        match xml.read_event().map_err(not_workbook)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => {
                    run.clear();
                    element_text(xml, run)?;
                    push_run(&mut out, run, preserves_space(&e));
                }
                "rPh" => {
                    xml.read_to_end(e.name()).map_err(not_workbook)?;
                }
                _ => {}
            },
            // `<r>` holds its `<t>`; only the item's own end closes it.
            Event::End(e) if matches!(e.local_name().as_ref(), "si" | "is") => return Ok(out),
            Event::Eof => return Err(premature_end()),
            _ => {}
        }
    }
}

fn preserves_space(e: &BytesStart) -> bool {
    let [space] = attrs(e, ["xml:space"]);
    space.is_some_and(|s| s == "preserve")
}

fn push_run(out: &mut String, run: &str, preserve: bool) {
    let run = if preserve {
        run
    } else {
        run.trim_matches([' ', '\t', '\r', '\n'])
    };
    unescape_into(run, out);
}

/// Decodes Excel's escapes of characters XML cannot hold (`_x000D_` is a
/// carriage return; `_x005F_` an underscore). A lone or reversed surrogate
/// becomes U+FFFD.
pub fn unescape_into(text: &str, out: &mut String) {
    // Most text has no underscore, and is copied as it is.
    if !text.as_bytes().contains(&b'_') {
        out.push_str(text);
        return;
    }
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        let Some(unit) = escape_at(rest, at) else {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
            continue;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at + 7..];
        let c = match unit {
            0xD800..=0xDBFF => match escape_at(rest, 0) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    rest = &rest[7..];
                    char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                _ => None,
            },
            _ => char::from_u32(unit),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
    }
    out.push_str(rest);
}

/// The code unit of an escape `_xHHHH_` starting at byte `at`.
fn escape_at(text: &str, at: usize) -> Option<u32> {
    let escape = text.get(at..at + 7)?;
    let hex = escape.strip_prefix("_x")?.strip_suffix('_')?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(hex, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unescaped(text: &str) -> String {
        let mut out = String::new();
        unescape_into(text, &mut out);
        out
    }

    #[test]
    fn excel_escapes_are_decoded_and_the_rest_left_as_written() {
        assert_eq!(unescaped("a_x000D_b"), "a\rb");
        assert_eq!(unescaped("_x005F_x000D_"), "_x000D_");
        assert_eq!(unescaped("_xD83D__xDE00_"), "😀");
        assert_eq!(unescaped("_xD83D_x"), "\u{FFFD}x");
        assert_eq!(unescaped("_xDE00_"), "\u{FFFD}");
        for plain in ["_x", "_x12", "_x12G4_", "a_b_x", "中文_x00"] {
            assert_eq!(unescaped(plain), plain);
        }
    }

    #[test]
    fn a_string_item_joins_its_runs_and_leaves_out_its_phonetic_guide() {
        let xml = concat!(
            "<si><r><t xml:space=\"preserve\"> 广州 </t></r><r><rPr><b/></rPr>",
            "<t>市&amp;区 </t></r><rPh><t>ふりがな</t></rPh></si><si>"
        );
        let mut r = reader(xml.as_bytes());
        r.read_event().unwrap();
        assert_eq!(
            string_item(&mut r, &mut String::new()).unwrap(),
            " 广州 市&区"
        );
    }
}

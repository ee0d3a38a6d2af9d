//! A cell's value as a box of the form: an amount, a count, or text.
//!
//! Amounts are what the file stores (a formula's cached result), rounded
//! to 6 decimals once, here; texts are what the cell shows a person.

use super::grid::Value;
use crate::amount::{AmountError, parse_text};
use crate::load::{Expected, LoadErrorKind};
use crate::sanitize::{QUOTE_CHARS, shorten};
use rust_decimal::Decimal;
use std::str::FromStr;

/// An amount box: a number rounded to 6 decimals, or text in the format's
/// amount grammar; empty is a blank box.
pub fn amount(v: &Value) -> Result<Option<Decimal>, LoadErrorKind> {
    let text = match v {
        Value::Empty => return Ok(None),
        Value::Number(f) if f.is_finite() => format!("{f:.6}"),
        Value::Text(t) => t.clone(),
        other => {
            return Err(LoadErrorKind::BadAmount(shorten(
                &shown(other, None),
                QUOTE_CHARS,
            )));
        }
    };
    match parse_text(&text) {
        Ok(d) => Ok(d.map(|d| d.normalize())),
        Err(AmountError::Malformed(t)) => Err(LoadErrorKind::BadAmount(shorten(&t, QUOTE_CHARS))),
        Err(AmountError::TooLarge(t)) => {
            Err(LoadErrorKind::AmountTooLarge(shorten(&t, QUOTE_CHARS)))
        }
    }
}

/// A count box (财政供养人员数): a whole number ≥ 0, as a number or as digits.
pub fn count(v: &Value) -> Result<Option<u32>, LoadErrorKind> {
    let wrong = |found: String| LoadErrorKind::WrongType {
        expected: Expected::CountOrNull,
        found: format!("“{}”", shorten(&found, QUOTE_CHARS)),
    };
    match v {
        Value::Empty => Ok(None),
        Value::Text(t) if t.trim().is_empty() => Ok(None),
        Value::Text(t) => t
            .trim()
            .parse::<u32>()
            .map(Some)
            .map_err(|_| wrong(t.clone())),
        Value::Number(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Ok(Some(*f as u32))
        }
        other => Err(wrong(shown(other, None))),
    }
}

/// The text a cell shows, `None` when it is empty. A number formatted as a
/// percentage shows as one (`1` in `0%` is `100%`); other numbers show in
/// their plain decimal form (`50000`), never as a binary float's digits.
pub fn text(v: &Value, percent: Option<u8>) -> Option<String> {
    match v {
        Value::Empty => None,
        Value::Text(t) if t.is_empty() => None,
        Value::Text(t) => Some(t.clone()),
        other => Some(shown(other, percent)),
    }
}

fn shown(v: &Value, percent: Option<u8>) -> String {
    match v {
        Value::Empty => String::new(),
        Value::Text(t) => t.clone(),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Value::Error(e) => e.clone(),
        Value::Date(serial) => date(*serial),
        Value::Number(f) => match percent {
            Some(decimals) => percent_text(*f, decimals),
            None => plain(*f),
        },
    }
}

/// `82800.920000000013` → `82800.92`: six decimals, trailing zeros dropped.
fn plain(f: f64) -> String {
    if !f.is_finite() {
        return "#NUM!".into();
    }
    match Decimal::from_str(&format!("{f:.6}")) {
        Ok(d) => d.normalize().to_string(),
        // Beyond Decimal's 28 digits: Rust's shortest exact form.
        Err(_) => f.to_string(),
    }
}

/// `0.955` in `0%` → `96%`, rounded half away from zero as Excel rounds.
fn percent_text(f: f64, decimals: u8) -> String {
    let Some(hundredfold) = Decimal::from_str(&format!("{f:.10}"))
        .ok()
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
    else {
        return format!("{}%", plain(f));
    };
    let rounded = hundredfold.round_dp_with_strategy(
        u32::from(decimals),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    );
    format!("{rounded}%")
}

/// Excel's day count as a date (and time, when it has one), in the 1900
/// system Excel and WPS write.
fn date(serial: f64) -> String {
    let days = serial.floor();
    let Some(date) = (days.is_finite() && (0.0..3_000_000.0).contains(&days))
        .then(|| jiff::civil::date(1899, 12, 30).checked_add(jiff::Span::new().days(days as i64)))
        .and_then(Result::ok)
    else {
        return plain(serial);
    };
    let seconds = ((serial - days) * 86_400.0).round() as i64;
    if seconds == 0 {
        return date.to_string();
    }
    format!("{date} {:02}:{:02}", seconds / 3600, seconds % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    // Written as the file stores it: the float just above 82800.92.
    #[allow(clippy::excessive_precision)]
    fn amounts_are_stored_values_to_six_decimals() {
        let num = |f| amount(&Value::Number(f)).unwrap().unwrap().to_string();
        assert_eq!(num(82800.920000000013), "82800.92");
        assert_eq!(num(10891.615675), "10891.615675");
        assert_eq!(num(72807.384975), "72807.384975");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        let text = |t: &str| amount(&Value::Text(t.into()));
        assert_eq!(text(" 5105.47 ").unwrap().unwrap().to_string(), "5105.47");
        assert_eq!(text("  ").unwrap(), None);
        assert_eq!(
            text("1,234.00"),
            Err(LoadErrorKind::BadAmount("1,234.00".into()))
        );
        assert!(matches!(
            amount(&Value::Number(1e13)),
            Err(LoadErrorKind::AmountTooLarge(_))
        ));
        assert!(matches!(
            amount(&Value::Number(f64::INFINITY)),
            Err(LoadErrorKind::BadAmount(_))
        ));
        assert!(matches!(
            amount(&Value::Error("#REF!".into())),
            Err(LoadErrorKind::BadAmount(t)) if t == "#REF!"
        ));
        assert_eq!(amount(&Value::Empty).unwrap(), None);
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(count(&Value::Number(750.0)), Ok(Some(750)));
        assert_eq!(count(&Value::Text(" 18 ".into())), Ok(Some(18)));
        assert_eq!(count(&Value::Empty), Ok(None));
        assert!(count(&Value::Number(7.5)).is_err());
        assert!(count(&Value::Number(-1.0)).is_err());
        assert!(count(&Value::Text("十八".into())).is_err());
    }

    #[test]
    fn texts_are_what_the_cell_shows() {
        assert_eq!(text(&Value::Number(1.0), Some(0)).unwrap(), "100%");
        assert_eq!(text(&Value::Number(0.955), Some(0)).unwrap(), "96%");
        assert_eq!(text(&Value::Number(0.9), Some(1)).unwrap(), "90.0%");
        assert_eq!(text(&Value::Number(50000.0), None).unwrap(), "50000");
        assert_eq!(text(&Value::Number(0.1 + 0.2), None).unwrap(), "0.3");
        assert_eq!(text(&Value::Date(45292.0), None).unwrap(), "2024-01-01");
        assert_eq!(
            text(&Value::Date(45292.5), None).unwrap(),
            "2024-01-01 12:00"
        );
        assert_eq!(text(&Value::Text("≥190元".into()), None).unwrap(), "≥190元");
        assert_eq!(text(&Value::Empty, None), None);
    }
}

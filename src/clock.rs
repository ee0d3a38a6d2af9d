//! Times as the reviewer reads them. The journal keeps every time in UTC
//! (RFC 3339, `Z`), so colleagues in any zone agree on the order of
//! records; the desk and every export show them in the reviewer's own
//! zone (the system's, or `TZ`), by jiff's time-zone database, never by
//! hand-made offsets.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// A journal time as a reviewer reads it: `2026-12-01 16:06` in `zone`.
/// A time that does not read (a colleague's hand-edited line) is shown as
/// it was written, made safe.
pub fn shown(at: &str, zone: &TimeZone) -> String {
    match at.parse::<Timestamp>() {
        Ok(t) => t
            .to_zoned(zone.clone())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => crate::sanitize::display_line(at).into_owned(),
    }
}

/// A journal time for a machine that still wants the zone: RFC 3339 with
/// the reviewer's offset, to the same fraction of a second
/// (`2026-12-01T16:06:07.123+08:00`); as written when it does not read.
pub fn with_offset(at: &str, zone: &TimeZone) -> String {
    match at.parse::<Timestamp>() {
        Ok(t) => t.display_with_offset(zone.to_offset(t)).to_string(),
        Err(_) => at.to_string(),
    }
}

/// The reviewer's zone: `TZ` when set, else the system's; UTC when
/// neither can be read.
pub fn local_zone() -> TimeZone {
    TimeZone::try_system().unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_times_show_in_the_reviewers_zone() {
        let shanghai = TimeZone::fixed(jiff::tz::offset(8));
        assert_eq!(
            shown("2026-12-01T08:06:07.123Z", &shanghai),
            "2026-12-01 16:06"
        );
        // Across midnight the date moves too.
        assert_eq!(shown("2026-11-30T20:30:00Z", &shanghai), "2026-12-01 04:30");
        assert_eq!(
            shown("2026-12-01T08:06:07Z", &TimeZone::UTC),
            "2026-12-01 08:06"
        );
        assert_eq!(
            with_offset("2026-12-01T08:06:07.123Z", &shanghai),
            "2026-12-01T16:06:07.123+08:00"
        );
        // Not a time: as written, made safe.
        assert_eq!(shown("昨天\u{1b}[2J", &shanghai), "昨天^[[2J");
    }

    #[test]
    fn a_posix_tz_string_names_the_zone() {
        let zone = TimeZone::posix("CST-8").expect("a POSIX zone");
        assert_eq!(shown("2026-12-01T08:06:00Z", &zone), "2026-12-01 16:06");
    }
}

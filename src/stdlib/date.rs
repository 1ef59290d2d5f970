//! `Date` in the ISO calendar and the `~D` sigil: `%Date{year, month, day,
//! calendar: Calendar.ISO}`, printed `~D[2024-02-29]`.

use super::Registry;
use crate::eval::exception::{self as ex, R};
use crate::term::{Atom, MapT, Term};

fn date_atom() -> Atom {
    Atom::new("Elixir.Date")
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

fn valid(y: i64, m: i64, d: i64) -> bool {
    (0..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

fn date(y: i64, m: i64, d: i64) -> Term {
    let mut t = MapT::new();
    t.insert(Term::Atom(Atom::STRUCT), Term::Atom(date_atom()));
    t.insert(Term::atom("year"), Term::Int(y));
    t.insert(Term::atom("month"), Term::Int(m));
    t.insert(Term::atom("day"), Term::Int(d));
    t.insert(Term::atom("calendar"), Term::Atom(Atom::alias("Calendar.ISO")));
    Term::map(t)
}

/// `(year, month, day)` of a `%Date{}`.
pub fn parts(t: &Term) -> Option<(i64, i64, i64)> {
    if t.struct_name() != Some(date_atom()) {
        return None;
    }
    let get = |k: &str| t.map_get(Atom::new(k)).and_then(Term::as_int);
    Some((get("year")?, get("month")?, get("day")?))
}

/// `2024-02-29`.
pub fn iso(y: i64, m: i64, d: i64) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 0000-01-01 (Howard Hinnant's days-from-civil, shifted).
fn to_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe + 60
}

fn from_days(days: i64) -> (i64, i64, i64) {
    let z = days - 60;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

fn parse_iso(s: &str) -> Option<(i64, i64, i64)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?);
    valid(y, m, d).then_some((y, m, d))
}

fn date_arg(t: &Term, name: &str, args: &[Term]) -> R<(i64, i64, i64)> {
    match parts(t) {
        Some(p) => Ok(p),
        None => ex::function_clause(date_atom(), Atom::new(name), args.to_vec()),
    }
}

pub fn register(r: &mut Registry) {
    r.add("Date", "new", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Int(y), Term::Int(m), Term::Int(d)) if valid(*y, *m, *d) => {
            Ok(Term::tuple(vec![Term::OK, date(*y, *m, *d)]))
        }
        _ => Ok(Term::tuple(vec![Term::Atom(Atom::ERROR), Term::atom("invalid_date")])),
    });
    r.add("Date", "new!", 3, |_, a| match (&a[0], &a[1], &a[2]) {
        (Term::Int(y), Term::Int(m), Term::Int(d)) if valid(*y, *m, *d) => Ok(date(*y, *m, *d)),
        _ => ex::argument_error("cannot build date, reason: :invalid_date"),
    });
    r.add("Date", "__sigil__", 1, |_, a| match a[0].as_str().and_then(parse_iso) {
        Some((y, m, d)) => Ok(date(y, m, d)),
        None => ex::argument_error(format!(
            "cannot parse {} as Date for Calendar.ISO, reason: :invalid_format",
            crate::term::inspect::inspect_default(&a[0])
        )),
    });
    r.add("Date", "from_iso8601", 1, |_, a| {
        Ok(match a[0].as_str().and_then(parse_iso) {
            Some((y, m, d)) => Term::tuple(vec![Term::OK, date(y, m, d)]),
            None => Term::tuple(vec![Term::Atom(Atom::ERROR), Term::atom("invalid_format")]),
        })
    });
    r.add("Date", "to_string", 1, |_, a| {
        let (y, m, d) = date_arg(&a[0], "to_string", a)?;
        Ok(Term::str(&iso(y, m, d)))
    });
    r.add("Date", "to_iso8601", 1, |_, a| {
        let (y, m, d) = date_arg(&a[0], "to_iso8601", a)?;
        Ok(Term::str(&iso(y, m, d)))
    });
    r.add("Date", "add", 2, |_, a| {
        let (y, m, d) = date_arg(&a[0], "add", a)?;
        let Term::Int(n) = a[1] else { return ex::badarg() };
        let (y, m, d) = from_days(to_days(y, m, d) + n);
        Ok(date(y, m, d))
    });
    r.add("Date", "diff", 2, |_, a| {
        let (y1, m1, d1) = date_arg(&a[0], "diff", a)?;
        let (y2, m2, d2) = date_arg(&a[1], "diff", a)?;
        Ok(Term::Int(to_days(y1, m1, d1) - to_days(y2, m2, d2)))
    });
    r.add("Date", "day_of_week", 1, |_, a| {
        let (y, m, d) = date_arg(&a[0], "day_of_week", a)?;
        // 0000-01-01 was a Saturday (ISO day 6).
        Ok(Term::Int((to_days(y, m, d) + 5).rem_euclid(7) + 1))
    });
    r.add("Date", "leap_year?", 1, |_, a| {
        let (y, _, _) = date_arg(&a[0], "leap_year?", a)?;
        Ok(Term::bool(is_leap(y)))
    });
    r.add("Date", "days_in_month", 1, |_, a| {
        let (y, m, _) = date_arg(&a[0], "days_in_month", a)?;
        Ok(Term::Int(days_in_month(y, m)))
    });
    r.add("Date", "compare", 2, |_, a| {
        let x = date_arg(&a[0], "compare", a)?;
        let y = date_arg(&a[1], "compare", a)?;
        Ok(Term::atom(match x.cmp(&y) {
            std::cmp::Ordering::Less => "lt",
            std::cmp::Ordering::Equal => "eq",
            std::cmp::Ordering::Greater => "gt",
        }))
    });
    r.add("Date", "utc_today", 0, |_, _| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        let (y, m, d) = from_days(to_days(1970, 1, 1) + secs / 86_400);
        Ok(date(y, m, d))
    });
}

//! Float formatting as Elixir prints floats (shortest round-trip digits).
//!
//! Two layouts exist in Elixir 1.14 and they differ:
//!
//! * [`format_float`] is `Float.to_string/1`, string interpolation and
//!   `to_string/1`. It is Erlang's `io_lib_format:fwrite_g/1`: the shortest
//!   digits that read back as the same float, laid out in fixed notation
//!   (`123.45`, `0.001`) unless scientific notation (`1.0e3`, `1.2e-4`) is
//!   strictly shorter, and always scientific from 2^53 upwards.
//! * [`inspect_float`] is `inspect/1`: integral floats with
//!   `1.0 <= |f| < 1.0e16` print as the integer followed by `.0`
//!   (`1000.0`, `1000000000000000.0`); everything else as [`format_float`].

/// The shortest decimal digits of `|f|` (no leading/trailing zeros) and the
/// decimal exponent of the first digit, for a finite non-zero `f`.
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-trip digits, e.g. "1.2345e-5".
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let exp = exp.parse().unwrap_or(0);
    (tie_to_even(f.abs(), digits, exp), exp)
}

/// When the float lies exactly halfway between two shortest candidates, Rust
/// takes the upper one and Erlang the even one (`1.0e15 + 0.3` is
/// `1000000000000000.25`: Erlang prints `…0.2`).
fn tie_to_even(f: f64, digits: &str, exp: i32) -> String {
    let n = digits.len();
    let last = digits.as_bytes()[n - 1];
    if n < 2 || (last - b'0').is_multiple_of(2) {
        return digits.to_string();
    }
    let lower = format!("{}{}", &digits[..n - 1], (last - 1) as char);
    let reads_back = format!("{}.{}e{exp}", &lower[..1], &lower[1..]).parse::<f64>() == Ok(f);
    // The exact value, to well past where a tie's expansion would end.
    let exact = format!("{:.*e}", n + 24, f);
    let exact_digits: String = exact
        .split('e')
        .next()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let tie = format!("{lower}5{}", "0".repeat(24));
    if reads_back && exact_digits == tie {
        lower
    } else {
        digits.to_string()
    }
}

/// `Float.to_string/1` (and `"#{f}"`): Erlang's `fwrite_g` layout.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exp) = shortest_digits(f);
    let len = digits.len() as i32;
    // Decimal exponent of the last digit.
    let place = exp - len + 1;
    let sci = {
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{first}.{rest}e{exp}")
    };
    let body = if place < 0 {
        if exp >= 0 {
            let (int, frac) = digits.split_at((exp + 1) as usize);
            format!("{int}.{frac}")
        } else {
            let fixed = format!("0.{}{}", "0".repeat((-exp - 1) as usize), digits);
            if fixed.len() <= sci.len() { fixed } else { sci }
        }
    } else {
        let fixed = format!("{}{}.0", digits, "0".repeat(place as usize));
        // From 2^53 on, not every integer is representable: Erlang shows those in
        // scientific notation to hint at the lost precision.
        if fixed.len() <= sci.len() && f.abs() < 9_007_199_254_740_992.0 {
            fixed
        } else {
            sci
        }
    };
    format!("{sign}{body}")
}

/// `inspect/1` of a float.
pub fn inspect_float(f: f64) -> String {
    let a = f.abs();
    if (1.0..1.0e16).contains(&a) && f.trunc() == f {
        // Exact: |f| < 1e16 < 2^63.
        format!("{}.0", f as i64)
    } else {
        format_float(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/inspect/floats.txt`: lines `<bits as 16 hex digits> <to_string> <inspect>`,
    /// recorded from Elixir by `tests/inspect/record.sh`.
    #[test]
    fn floats_match_recorded_elixir_output() {
        let data = include_str!("../../tests/inspect/floats.txt");
        let mut n = 0;
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut parts = line.split(' ');
            let bits = u64::from_str_radix(parts.next().unwrap_or(""), 16).expect("hex bits");
            let f = f64::from_bits(bits);
            assert_eq!(format_float(f), parts.next().unwrap_or(""), "to_string of {f:e}");
            assert_eq!(inspect_float(f), parts.next().unwrap_or(""), "inspect of {f:e}");
            n += 1;
        }
        assert!(n >= 200, "only {n} recorded floats");
    }

    #[test]
    fn examples() {
        assert_eq!(format_float(1.0), "1.0");
        assert_eq!(format_float(-0.0), "-0.0");
        assert_eq!(format_float(1.0e20), "1.0e20");
        assert_eq!(format_float(1.0e-5), "1.0e-5");
        assert_eq!(format_float(5.0e-324), "5.0e-324");
        assert_eq!(inspect_float(1.0e15), "1000000000000000.0");
    }
}

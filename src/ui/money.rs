//! Money as a player reads it.

/// Money for a player: `$3.2M`, `$850k`, `-$40k`.
pub fn money(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1e9 {
        format!("{sign}${:.1}B", a / 1e9)
    } else if a >= 1e6 {
        format!("{sign}${:.1}M", a / 1e6)
    } else {
        format!("{sign}${:.0}k", a / 1e3)
    }
}

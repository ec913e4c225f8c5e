//! The per-week state hash.
//!
//! The state is fed field by field, in a fixed order, as 64-bit words (floats by
//! their IEEE bits, with `-0.0` folded into `0.0`), into a word-wise mixing hash.
//! The encoding is ours and documented, not `DefaultHasher` (whose output may
//! change between Rust releases), so a hash written on one machine checks on
//! another.

/// A streaming 64-bit hash over 64-bit words.
///
/// Words alternate between two independent lanes (so the multiply chains of the
/// two overlap in the CPU), and the lanes are folded together in `finish`.
#[derive(Clone, Debug)]
pub struct StateHasher {
    lanes: [u64; 2],
    len: u64,
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const M: u64 = 0xFF51_AFD7_ED55_8CCD;

impl Default for StateHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl StateHasher {
    /// A hasher with the fixed initial value.
    pub fn new() -> Self {
        StateHasher {
            lanes: [0x6A09_E667_F3BC_C908, 0xBB67_AE85_84CA_A73B],
            len: 0,
        }
    }

    /// Feed one word. It goes into `lanes[0]`, and the lanes trade places
    /// after every word (the same as alternating between them, without an
    /// index that depends on the count; `finish` puts them back in order).
    #[inline]
    pub fn word(&mut self, w: u64) {
        let x = (w ^ (w >> 29)).wrapping_mul(M);
        let mixed = (self.lanes[0] ^ x)
            .rotate_left(27)
            .wrapping_mul(K)
            .wrapping_add(0x2545_F491);
        self.lanes = [self.lanes[1], mixed];
        self.len += 1;
    }

    /// Feed a float by its bits (`-0.0` and `0.0` hash alike).
    #[inline]
    pub fn f64(&mut self, x: f64) {
        self.word(if x == 0.0 { 0 } else { x.to_bits() });
    }

    /// Feed an integer.
    #[inline]
    pub fn u64(&mut self, x: u64) {
        self.word(x);
    }

    /// Feed a 128-bit integer as two words.
    #[inline]
    pub fn u128(&mut self, x: u128) {
        self.word(x as u64);
        self.word((x >> 64) as u64);
    }

    /// Feed a byte string (length first, then 8-byte little-endian chunks).
    pub fn bytes(&mut self, b: &[u8]) {
        self.word(b.len() as u64);
        for chunk in b.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.word(u64::from_le_bytes(buf));
        }
    }

    /// The hash of everything fed so far.
    pub fn finish(&self) -> u64 {
        // After an odd number of words the lanes are traded.
        let [a, b] = if self.len & 1 == 0 {
            self.lanes
        } else {
            [self.lanes[1], self.lanes[0]]
        };
        let mut z = a ^ b.rotate_left(32) ^ self.len.wrapping_mul(K);
        z = (z ^ (z >> 33)).wrapping_mul(M);
        z = (z ^ (z >> 33)).wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        z ^ (z >> 33)
    }
}

/// The hash of a byte string, e.g. a scenario's text.
pub fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = StateHasher::new();
    h.bytes(b);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_matters_and_zero_signs_do_not() {
        let mut a = StateHasher::new();
        a.u64(1);
        a.u64(2);
        let mut b = StateHasher::new();
        b.u64(2);
        b.u64(1);
        assert_ne!(a.finish(), b.finish());
        let mut c = StateHasher::new();
        c.f64(0.0);
        let mut d = StateHasher::new();
        d.f64(-0.0);
        assert_eq!(c.finish(), d.finish());
    }

    #[test]
    fn a_single_flipped_bit_changes_the_hash() {
        let base = hash_bytes(b"scenario text");
        assert_ne!(base, hash_bytes(b"scenario texu"));
        assert_ne!(hash_bytes(b""), hash_bytes(b"\0"));
    }

    #[test]
    fn the_hash_is_pinned() {
        // The encoding is part of the run-file format: this must never drift.
        assert_eq!(hash_bytes(b"cto-sim"), GOLDEN);
    }
    const GOLDEN: u64 = 2687413008235598687;
}

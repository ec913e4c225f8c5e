//! Every number in a scenario's parameters, with its path, collected from the
//! parameters' own serialisation (a serde serializer that keeps only numbers),
//! so that validation cannot forget a field and a NaN stays a NaN.

use std::collections::BTreeMap;

use serde::ser::{self, Serialize};

use crate::engine::params::Params;

/// Every number in `params`: by its bound's path (indices left out), the
/// numbers found there in order, each with the path an author reads
/// (`params.attention.switching_loss[2]`).
pub fn numbers(params: &Params) -> BTreeMap<String, Vec<(String, f64)>> {
    // The parameters' own serialisation names every field: collecting numbers
    // from it means no field can be forgotten here.
    let mut c = Numbers::default();
    // Serialising plain data into this collector cannot fail.
    let _ = params.serialize(&mut c);
    c.found
}

/// A serde serializer that keeps only the numbers, with their paths.
#[derive(Default)]
struct Numbers {
    /// Field names from the root, without indices (`attention.switching_loss`).
    key: String,
    /// The path as an author reads it, indices included.
    shown: String,
    found: BTreeMap<String, Vec<(String, f64)>>,
}

impl Numbers {
    fn number(&mut self, x: f64) {
        let shown = format!("params{}", self.shown);
        match self.found.get_mut(self.key.as_str()) {
            Some(values) => values.push((shown, x)),
            None => {
                self.found.insert(self.key.clone(), vec![(shown, x)]);
            }
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, i: usize, value: &T) -> Result<(), Never> {
        let len = self.shown.len();
        self.shown.push_str(&format!("[{i}]"));
        value.serialize(&mut *self)?;
        self.shown.truncate(len);
        Ok(())
    }
}

/// The collector never fails (maps, which parameters do not have, are refused).
#[derive(Debug, thiserror::Error)]
#[error("the parameters hold a map")]
struct Never;

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Never
    }
}

macro_rules! numbers_as_f64 {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Never> {
            self.number(v as f64);
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Numbers {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Elements<'a>;
    type SerializeTuple = Elements<'a>;
    type SerializeTupleStruct = Elements<'a>;
    type SerializeTupleVariant = Elements<'a>;
    type SerializeMap = ser::Impossible<(), Never>;
    type SerializeStruct = &'a mut Numbers;
    type SerializeStructVariant = &'a mut Numbers;

    numbers_as_f64!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_f32: f32, serialize_f64: f64);

    fn serialize_bool(self, _: bool) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_str(self, _: &str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Never> {
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<(), Never> {
        v.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Elements<'a>, Never> {
        Ok(Elements {
            numbers: self,
            next: 0,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Elements<'a>, Never> {
        Ok(Elements {
            numbers: self,
            next: 0,
        })
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Elements<'a>, Never> {
        Ok(Elements {
            numbers: self,
            next: 0,
        })
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Elements<'a>, Never> {
        Ok(Elements {
            numbers: self,
            next: 0,
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Never> {
        Err(Never)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Never> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        Ok(self)
    }
}

/// The elements of an array or list, numbered.
struct Elements<'a> {
    numbers: &'a mut Numbers,
    next: usize,
}

macro_rules! elements {
    ($($tr:ident :: $method:ident),*) => {$(
        impl ser::$tr for Elements<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
                self.next += 1;
                self.numbers.element(self.next - 1, v)
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! fields {
    ($($tr:ident),*) => {$(
        impl ser::$tr for &mut Numbers {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                v: &T,
            ) -> Result<(), Never> {
                let (key_len, shown_len) = (self.key.len(), self.shown.len());
                if !self.key.is_empty() {
                    self.key.push('.');
                }
                self.key.push_str(name);
                self.shown.push('.');
                self.shown.push_str(name);
                v.serialize(&mut **self)?;
                self.key.truncate(key_len);
                self.shown.truncate(shown_len);
                Ok(())
            }
            fn end(self) -> Result<(), Never> {
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

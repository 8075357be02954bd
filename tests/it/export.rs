//! Integration tests of `newsgraph export`.

#[allow(unused_imports)]
use crate::support;

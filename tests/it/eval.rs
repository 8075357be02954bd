//! Integration tests of `newsgraph eval`.

#[allow(unused_imports)]
use crate::support;

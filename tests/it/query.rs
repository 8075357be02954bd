//! Integration tests of `newsgraph query`.

#[allow(unused_imports)]
use crate::support;

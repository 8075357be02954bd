//! Integration tests of `newsgraph cli`.

#[allow(unused_imports)]
use crate::support;

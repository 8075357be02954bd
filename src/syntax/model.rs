//! The syntax model file: tag and label inventories, tagger, parser and lemmatizer in one
//! versioned binary, and the analysis of a sentence with it.
//!
//! The file is the magic `NGSYNTAX`, a little-endian `u32` format version, then the model in
//! postcard. The build carries `models/syntax.bin` inside the binary ([`SyntaxModel::builtin`]),
//! decoded once on first use; `models/syntax.manifest.json` beside it says how it was trained.

use super::features::WordKeys;
use super::lemma::Lemmatizer;
use super::parser::{Parser, ParserInput, ParserScratch};
use super::tagger::{Tagger, TaggerScratch};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::OnceLock;

const MAGIC: &[u8; 8] = b"NGSYNTAX";
/// Bumped whenever the features or the file layout change; older files are refused.
pub const FORMAT_VERSION: u32 = 1;

/// The model shipped in the binary.
static BUILTIN_BYTES: &[u8] = include_bytes!("../../models/syntax.bin");

/// Frames a model as a model file: the 8-byte `magic`, `version` as a little-endian `u32`, then
/// the model in postcard. Every model newsgraph ships (syntax, names) is framed this way.
pub fn encode_file<T: Serialize>(magic: &[u8; 8], version: u32, model: &T) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(&version.to_le_bytes());
    bytes.extend(postcard::to_allocvec(model).expect("serializing to memory cannot fail"));
    bytes
}

/// Reads a file framed by [`encode_file`]; `what` names the model in messages ("syntax") and
/// `retrain` the command that rebuilds it.
pub fn decode_file<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    magic: &[u8; 8],
    version: u32,
    what: &str,
    retrain: &str,
) -> Result<T, String> {
    let rest = bytes.strip_prefix(magic.as_slice()).ok_or_else(|| format!("not a newsgraph {what} model (wrong magic bytes)"))?;
    let (found, payload) = rest.split_first_chunk::<4>().ok_or_else(|| format!("truncated {what} model"))?;
    let found = u32::from_le_bytes(*found);
    if found != version {
        return Err(format!("{what} model format {found}, but this newsgraph reads format {version}; retrain with `{retrain}`"));
    }
    postcard::from_bytes(payload).map_err(|error| format!("corrupt {what} model: {error}"))
}

/// A part-of-speech class: the UPOS and XPOS predicted together.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TagClass {
    pub upos: String,
    pub xpos: String,
}

/// Everything the analysis of a sentence needs.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SyntaxModel {
    pub tags: Vec<TagClass>,
    /// The distinct UPOS values, and the index into it of every tag class.
    pub upos_names: Vec<String>,
    pub upos_of_tag: Vec<u8>,
    /// Dependency relations with subtypes ("nsubj:pass"), indexed by the parser's labels.
    pub labels: Vec<String>,
    pub tagger: Tagger,
    pub parser: Parser,
    pub lemmatizer: Lemmatizer,
}

/// The analysis of one sentence, word by word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SentenceParse {
    pub tags: Vec<u16>,
    /// The head of every word as a 0-based word index, or `None` for the root.
    pub heads: Vec<Option<u32>>,
    pub labels: Vec<u16>,
}

/// Buffers reused from sentence to sentence (one per thread).
#[derive(Default)]
pub struct SyntaxScratch {
    words: Vec<WordKeys>,
    tagger: TaggerScratch,
    parser: ParserScratch,
}

impl SyntaxModel {
    /// The model carried by the binary, decoded on first use.
    pub fn builtin() -> &'static SyntaxModel {
        static MODEL: OnceLock<SyntaxModel> = OnceLock::new();
        MODEL.get_or_init(|| SyntaxModel::from_bytes(BUILTIN_BYTES).expect("the built-in syntax model is checked by the tests"))
    }

    /// Decodes a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<SyntaxModel, String> {
        let mut model: SyntaxModel = decode_file(bytes, MAGIC, FORMAT_VERSION, "syntax", "newsgraph train")?;
        model.check()?;
        model.tagger.build_index();
        model.lemmatizer.build_index();
        Ok(model)
    }

    /// Encodes the model as a model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        encode_file(MAGIC, FORMAT_VERSION, self)
    }

    /// The same model without the tagger's and the parser's weights below the given magnitudes.
    pub fn pruned(&self, tagger: f32, parser: f32) -> SyntaxModel {
        let mut model = self.clone();
        model.tagger.model = self.tagger.model.pruned(tagger);
        model.parser.model = self.parser.model.pruned(parser);
        model
    }

    fn check(&self) -> Result<(), String> {
        let root = self.labels.iter().position(|label| label == "root");
        if self.tagger.model.n_classes() != self.tags.len() || self.upos_of_tag.len() != self.tags.len() {
            return Err("the tagger's classes do not match the tag list".into());
        }
        if self.parser.n_labels as usize != self.labels.len() || root != Some(self.parser.root as usize) {
            return Err("the parser's labels do not match the label list".into());
        }
        if self.upos_of_tag.iter().any(|&upos| upos as usize >= self.upos_names.len()) {
            return Err("a tag class names an unknown UPOS".into());
        }
        Ok(())
    }

    /// Tags and parses one sentence of word forms.
    pub fn analyze(&self, forms: &[&str], scratch: &mut SyntaxScratch, out: &mut SentenceParse) {
        scratch.words.clear();
        scratch.words.extend(forms.iter().map(|form| WordKeys::of(form)));
        self.tagger.tag(&scratch.words, &mut scratch.tagger, &mut out.tags);
        let input = ParserInput { words: &scratch.words, tags: &out.tags, upos_of_tag: &self.upos_of_tag };
        let state = self.parser.parse(&input, &mut scratch.parser);
        let n = forms.len() as u32;
        out.heads.clear();
        out.heads.extend(state.heads[..forms.len()].iter().map(|&head| (head != n).then_some(head)));
        out.labels.clear();
        out.labels.extend_from_slice(&state.labels[..forms.len()]);
    }

    pub fn upos(&self, tag: u16) -> &str {
        &self.upos_names[self.upos_of_tag[tag as usize] as usize]
    }

    pub fn xpos(&self, tag: u16) -> &str {
        &self.tags[tag as usize].xpos
    }

    pub fn label(&self, label: u16) -> &str {
        &self.labels[label as usize]
    }

    pub fn lemma<'a>(&'a self, form: &'a str, tag: u16) -> Cow<'a, str> {
        self.lemmatizer.lemma(form, tag)
    }
}

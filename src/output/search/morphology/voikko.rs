//! libvoikko, the Finnish morphological analyser, loaded from the system at run time.
//!
//! Declared by hand, not through a binding crate: the `voikko-rs` binding is GPL-3.0, which
//! this MIT/Apache crate cannot take. libvoikko itself is MPL 1.1 / GPL 2+ / LGPL 2.1+; it is
//! not compiled into kertomus but opened with `libloading` (`dlopen` of `libvoikko.so.1`,
//! Debian `libvoikko1`) when a build indexes Finnish pages, and only where it is installed.
//! The six functions used are from libvoikko's small C API (`voikko.h`), stable since 4.0.

use libloading::Library;
use std::ffi::{c_char, c_void, CStr, CString};

type InitFn = unsafe extern "C" fn(*mut *const c_char, *const c_char, *const c_char) -> *mut c_void;
type TerminateFn = unsafe extern "C" fn(*mut c_void);
type AnalyzeFn = unsafe extern "C" fn(*mut c_void, *const c_char) -> *mut *mut c_void;
type FreeAnalysisFn = unsafe extern "C" fn(*mut *mut c_void);
type ValueFn = unsafe extern "C" fn(*const c_void, *const c_char) -> *mut c_char;
type FreeValueFn = unsafe extern "C" fn(*mut c_char);

/// The library's file name on this system.
#[cfg(target_os = "macos")]
pub(crate) const LIBRARY: &str = "libvoikko.1.dylib";
#[cfg(target_os = "windows")]
pub(crate) const LIBRARY: &str = "libvoikko-1.dll";
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
pub(crate) const LIBRARY: &str = "libvoikko.so.1";

/// An environment variable naming the library file to load instead, for a libvoikko
/// installed outside the loader's search path (and for the test of a build without it).
const LIBRARY_VAR: &str = "KERTOMUS_LIBVOIKKO";

/// libvoikko's longest word (`LIBVOIKKO_MAX_WORD_CHARS`); longer ones are not analysed.
const MAX_WORD_CHARS: usize = 255;

/// The loaded library and its functions.
pub(crate) struct Voikko {
    init: InitFn,
    terminate: TerminateFn,
    analyze: AnalyzeFn,
    free_analysis: FreeAnalysisFn,
    value: ValueFn,
    free_value: FreeValueFn,
    // Last, so the function pointers above are never used after it is unloaded.
    _library: Library,
}

/// Why Voikko cannot be used: the library or the Finnish dictionary is missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Missing {
    /// `libvoikko.so.1` could not be opened (or lacks a function), with the loader's reason.
    Library(String),
    /// The library opened but found no Finnish dictionary, with libvoikko's reason.
    Dictionary(String),
}

/// One analysis of a word: its base form and the base forms of its parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Analysis {
    /// `BASEFORM`: `nuorten` → `nuori`.
    pub baseform: Option<String>,
    /// `WORDBASES`: `+mielen(mieli)+terve(terve)+ys(+ys)`.
    pub wordbases: Option<String>,
    /// `STRUCTURE`: a letter code per character of the word, `=` where a part begins
    /// (`=pppppp=ppppppppp` for `mielenterveyden`).
    pub structure: Option<String>,
}

impl Voikko {
    /// Opens libvoikko and checks that a Finnish dictionary is there.
    pub(crate) fn open() -> Result<Voikko, Missing> {
        // SAFETY: loading libvoikko runs its initialisers, which only set up the library;
        // each symbol is read with its C signature from voikko.h (the field types above).
        let voikko = unsafe {
            let name = std::env::var_os(LIBRARY_VAR).unwrap_or_else(|| LIBRARY.into());
            let library = Library::new(name).map_err(|e| Missing::Library(e.to_string()))?;
            Voikko {
                init: symbol(&library, b"voikkoInit\0")?,
                terminate: symbol(&library, b"voikkoTerminate\0")?,
                analyze: symbol(&library, b"voikkoAnalyzeWordCstr\0")?,
                free_analysis: symbol(&library, b"voikko_free_mor_analysis\0")?,
                value: symbol(&library, b"voikko_mor_analysis_value_cstr\0")?,
                free_value: symbol(&library, b"voikko_free_mor_analysis_value_cstr\0")?,
                _library: library,
            }
        };
        voikko.handle()?;
        Ok(voikko)
    }

    /// A Finnish analyser for one thread (a handle must not be shared between threads).
    pub(crate) fn handle(&self) -> Result<Handle<'_>, Missing> {
        let mut error: *const c_char = std::ptr::null();
        // SAFETY: voikkoInit takes an out-pointer for its error, a NUL-terminated language
        // code and a null search path; it returns null on failure and sets the error to a
        // static string.
        let ptr = unsafe { (self.init)(&mut error, c"fi".as_ptr(), std::ptr::null()) };
        if ptr.is_null() {
            let reason = if error.is_null() {
                String::new()
            } else {
                // SAFETY: a non-null error is a NUL-terminated static string.
                unsafe { CStr::from_ptr(error) }
                    .to_string_lossy()
                    .into_owned()
            };
            return Err(Missing::Dictionary(reason));
        }
        Ok(Handle { voikko: self, ptr })
    }
}

/// The function `name` of `library`, as the type `T` it is declared with.
///
/// # Safety
/// `T` must be the function's C signature; the result must not outlive `library`.
unsafe fn symbol<T: Copy>(library: &Library, name: &[u8]) -> Result<T, Missing> {
    library
        .get::<T>(name)
        .map(|s| *s)
        .map_err(|e| Missing::Library(e.to_string()))
}

/// An initialised libvoikko instance, used by one thread.
pub(crate) struct Handle<'a> {
    voikko: &'a Voikko,
    ptr: *mut c_void,
}

impl Handle<'_> {
    /// Every analysis of `word` as written (empty for a word libvoikko does not know).
    pub(crate) fn analyse(&self, word: &str) -> Vec<Analysis> {
        if word.chars().count() > MAX_WORD_CHARS {
            return Vec::new();
        }
        let Ok(word) = CString::new(word) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // SAFETY: the handle is live; the result is a null-terminated array of analyses
        // (or null), freed below with voikko_free_mor_analysis after its values are copied.
        unsafe {
            let list = (self.voikko.analyze)(self.ptr, word.as_ptr());
            if list.is_null() {
                return out;
            }
            let mut i = 0;
            while !(*list.add(i)).is_null() {
                let analysis = *list.add(i);
                out.push(Analysis {
                    baseform: self.value(analysis, c"BASEFORM"),
                    wordbases: self.value(analysis, c"WORDBASES"),
                    structure: self.value(analysis, c"STRUCTURE"),
                });
                i += 1;
            }
            (self.voikko.free_analysis)(list);
        }
        out
    }

    /// One value of an analysis, copied.
    ///
    /// # Safety
    /// `analysis` must be an analysis of a live result list.
    unsafe fn value(&self, analysis: *mut c_void, key: &CStr) -> Option<String> {
        let value = (self.voikko.value)(analysis, key.as_ptr());
        if value.is_null() {
            return None;
        }
        let text = CStr::from_ptr(value).to_string_lossy().into_owned();
        (self.voikko.free_value)(value);
        Some(text)
    }
}

impl Drop for Handle<'_> {
    fn drop(&mut self) {
        // SAFETY: the handle came from voikkoInit and is terminated once.
        unsafe { (self.voikko.terminate)(self.ptr) }
    }
}

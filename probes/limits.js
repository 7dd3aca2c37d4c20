// Documented limits a maintainer can check live without lasting side effects: cache key and value sizes, the cache
// expiration range, the property value size and the 10-million-cell limit. Every probe removes what it wrote.

/** A cache key no other probe run uses. */
function probeCacheKey_() {
  return `probe-limits-${Utilities.getUuid()}`;
}

/** Cache keys: 250 characters pass, 251 are refused (by get as by put). */
function probe_limits_cacheKeyLength() {
  const cache = CacheService.getScriptCache();
  return {
    get250: probeError_(() => cache.get("k".repeat(250))),
    get251: probeError_(() => cache.get("k".repeat(251))),
    put251: probeError_(() => cache.put("k".repeat(251), "v", 1)),
  };
}

/** Cache values: 100 KB (102,400 bytes) pass, one byte more is refused; UTF-8 bytes count, not characters. */
function probe_limits_cacheValueSize() {
  const cache = CacheService.getScriptCache();
  const key = probeCacheKey_();
  try {
    return {
      bytes102400: probeError_(() => cache.put(key, "x".repeat(102400), 1)),
      bytes102401: probeError_(() => cache.put(key, "x".repeat(102401), 1)),
      // 34,134 CJK characters are 102,402 bytes.
      cjk34134: probeError_(() => cache.put(key, "中".repeat(34134), 1)),
    };
  } finally {
    cache.remove(key);
  }
}

/** Cache expirations: 1 and 21,600 seconds pass; 0 and 21,601 are refused. */
function probe_limits_cacheExpirationRange() {
  const cache = CacheService.getScriptCache();
  const key = probeCacheKey_();
  try {
    return {
      seconds1: probeError_(() => cache.put(key, "v", 1)),
      seconds21600: probeError_(() => cache.put(key, "v", 21600)),
      seconds0: probeError_(() => cache.put(key, "v", 0)),
      seconds21601: probeError_(() => cache.put(key, "v", 21601)),
    };
  } finally {
    cache.remove(key);
  }
}

/** Property values: 9 KB (9,216 bytes) pass, one byte more is refused, and the refused value is not stored. */
function probe_limits_propertyValueSize() {
  const properties = PropertiesService.getUserProperties();
  const key = `probe-limits-${Utilities.getUuid()}`;
  try {
    const atLimit = probeError_(() => properties.setProperty(key, "x".repeat(9216)));
    properties.deleteProperty(key);
    const overLimit = probeError_(() => properties.setProperty(key, "x".repeat(9217)));
    return { bytes9216: atLimit, bytes9217: overLimit, bytes9217Stored: properties.getProperty(key) !== null };
  } finally {
    properties.deleteProperty(key);
  }
}

/** Growing the grids past 10,000,000 cells is refused, whatever the cells hold, and the sheet keeps its size. */
function probe_limits_cellLimit() {
  const sheet = probeSheet_();
  // 400,000 more empty rows of 26 columns are 10,400,000 cells: over the limit however small the rest is.
  const rows = probeError_(() => sheet.insertRowsAfter(sheet.getMaxRows(), 400000));
  // 1,000 rows of 10,001 more columns are over it too.
  const columns = probeError_(() => sheet.insertColumnsAfter(sheet.getMaxColumns(), 10001));
  return probeDone_(sheet, { rows, columns, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() });
}

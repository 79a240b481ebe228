import * as OpenCC from "opencc-js";

type Convert = (text: string) => string;

// OpenCC builds its dictionaries when a converter is created (tens of milliseconds), so each
// converter is made on first use and kept, never at import time.
function lazyConverter(options: OpenCC.ConverterOptions): Convert {
  let convert: Convert | undefined;
  return (text) => {
    const ready = convert ?? OpenCC.Converter(options);
    convert = ready;
    return ready(text);
  };
}

/** Traditional (Hong Kong or Taiwan forms) to Simplified Chinese; other text passes through. */
export const toSimplified: Convert = lazyConverter({ from: "hk", to: "cn" });

/**
 * A converter from Simplified Chinese to Traditional with Hong Kong character forms, for one batch
 * of text: its phrase dictionaries take some 40 MB of heap, which every full garbage collection
 * would walk if it were kept, so a caller drops it when the batch is done.
 */
export function hongKongTraditionalConverter(): Convert {
  return lazyConverter({ from: "cn", to: "hk" });
}

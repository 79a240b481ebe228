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

/** Simplified Chinese to Traditional with Hong Kong character forms. */
export const toHongKongTraditional: Convert = lazyConverter({ from: "cn", to: "hk" });

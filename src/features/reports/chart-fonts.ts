import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The font charts are drawn in (SVG `font-family`) and the files the rasteriser loads it from. */
export const CHART_FONT_FAMILY = 'Noto Sans';

/**
 * Noto Sans (SIL Open Font License) as TrueType files from the `@expo-google-fonts/noto-sans`
 * package: the PNG rasteriser has no system fonts to fall back on, and without a font it draws
 * no text at all. Regular and bold cover every Latin letter Indonesian and English use.
 */
export function chartFontFiles(): string[] {
  return [
    require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  ];
}

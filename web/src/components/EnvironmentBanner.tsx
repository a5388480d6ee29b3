import { useQuery } from '@tanstack/react-query';
import { environmentApi, type EnvironmentInfo } from '../api/environment';

/** #rgb, #rrggbb or a plain colour name: the server checks it too, and anything else is not used. */
const SAFE_COLOR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,30})$/;

export function safeBannerColor(color: string | null | undefined): string | undefined {
  const value = color?.trim();
  return value && SAFE_COLOR.test(value) ? value : undefined;
}

/**
 * Black or white text, whichever reads better on a #rgb / #rrggbb background (WCAG relative
 * luminance); white on a named colour, whose shade the page cannot know (names are mostly dark enough).
 */
export function bannerTextColor(background: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(background)?.[1];
  if (!hex) return '#ffffff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channel = (i: number) => {
    const v = parseInt(full.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export const environmentQueryKey = ['environment'] as const;

/** The configured environment banner, as text; nothing when none is configured. */
export function EnvironmentBannerView({ environment }: { environment: EnvironmentInfo | undefined }) {
  const text = environment?.banner?.trim();
  if (!text) return null;
  const background = safeBannerColor(environment?.bannerColor);
  const style = background ? { background, color: bannerTextColor(background) } : undefined;
  return (
    <aside className="environment-banner" aria-label="Environment" data-testid="environment-banner" style={style}>
      {text}
    </aside>
  );
}

/** The environment banner, read once per page load (it is configuration: it does not change while running). */
export function EnvironmentBanner() {
  const environment = useQuery({
    queryKey: environmentQueryKey,
    queryFn: ({ signal }) => environmentApi.get(signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  return <EnvironmentBannerView environment={environment.data} />;
}

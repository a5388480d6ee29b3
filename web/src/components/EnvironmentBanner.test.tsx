import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { bannerTextColor, EnvironmentBannerView, safeBannerColor } from './EnvironmentBanner';

describe('EnvironmentBanner', () => {
  afterEach(cleanup);

  it('shows nothing when no banner is configured', () => {
    const { container } = render(<EnvironmentBannerView environment={{ banner: null, bannerColor: '#c00' }} />);
    expect(container.innerHTML).toBe('');
    const blank = render(<EnvironmentBannerView environment={{ banner: '   ', bannerColor: null }} />);
    expect(blank.container.innerHTML).toBe('');
  });

  it('shows the banner as text, never as markup, in its colour', () => {
    render(<EnvironmentBannerView environment={{ banner: 'Staging <img src=x onerror=alert(1)>', bannerColor: '#7a3e00' }} />);
    const banner = screen.getByTestId('environment-banner');
    expect(banner.textContent).toBe('Staging <img src=x onerror=alert(1)>');
    expect(banner.querySelector('img')).toBeNull();
    expect(banner.getAttribute('style')).toMatch(/background: (#7a3e00|rgb\(122, 62, 0\))/);
    expect(banner.getAttribute('style')).toMatch(/color: (#ffffff|rgb\(255, 255, 255\))/);
  });

  it('does not use a colour that could carry more CSS', () => {
    render(<EnvironmentBannerView environment={{ banner: 'Test copy', bannerColor: 'red;position:fixed' }} />);
    expect(screen.getByTestId('environment-banner').getAttribute('style')).toBeNull();
    expect(safeBannerColor('url(x)')).toBeUndefined();
    expect(safeBannerColor('#12345')).toBeUndefined();
    expect(safeBannerColor(' teal ')).toBe('teal');
    expect(safeBannerColor('#FFF')).toBe('#FFF');
  });

  it('picks black text on a light colour and white on a dark one', () => {
    expect(bannerTextColor('#ffeb3b')).toBe('#000000');
    expect(bannerTextColor('#123')).toBe('#ffffff');
  });
});

import { request } from './http';

/** GET /api/environment: the environment banner every page shows; both null when none is configured. */
export interface EnvironmentInfo {
  banner: string | null;
  bannerColor: string | null;
}

export const environmentApi = {
  // Anonymous: the sign-in page and a kiosk's wall ask too, and a 401 here is no lost session.
  get: (signal?: AbortSignal) => request<EnvironmentInfo>('/api/environment', { signal, anonymous: true }),
};

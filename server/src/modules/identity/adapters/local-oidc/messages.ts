/** The sign-in pages' words, Japanese first (Kura's default) and English. */
const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];

const ja = {
  signInTitle: 'ログイン',
  signInLead: 'Kura のアカウントでログインしてください。',
  signUpTitle: 'アカウント作成',
  signUpLead: 'メールアドレスとパスワードを登録してください。',
  email: 'メールアドレス',
  password: 'パスワード',
  passwordHint: '8文字以上',
  displayName: '表示名',
  optional: '任意',
  signIn: 'ログイン',
  signUp: 'アカウントを作成',
  noAccount: 'アカウントをお持ちでない方',
  haveAccount: 'すでにアカウントをお持ちの方',
  cancel: 'キャンセルしてアプリに戻る',
  invalidCredentials: 'メールアドレスまたはパスワードが正しくありません。',
  tooManyAttempts: '試行回数が多すぎます。{minutes}分ほど待ってからもう一度お試しください。',
  invalidEmail: 'メールアドレスの形式が正しくありません。',
  passwordTooShort: 'パスワードは8文字以上で入力してください。',
  passwordTooLong: 'パスワードは128文字以内で入力してください。',
  displayNameTooLong: '表示名は100文字以内で入力してください。',
  invalidCharacter: '{field}に使用できない文字（U+0000）が含まれています。',
  emailTaken: 'このメールアドレスでは登録できません。すでにアカウントをお持ちの場合はログインしてください。',
  expiredTitle: 'ページの有効期限切れ',
  expired: 'ログインの手続きの有効期限が切れました。アプリに戻って、もう一度お試しください。',
  backToApp: 'アプリに戻る',
  errorTitle: 'エラー',
  errorLead: 'ログインを完了できませんでした。アプリに戻って、もう一度お試しください。',
  signOutTitle: 'ログアウト',
  signOutLead: '蔵 Kura からログアウトしますか？',
  signOutYes: 'ログアウトする',
  signOutNo: 'ログインしたままにする',
  signedOutTitle: 'ログアウトしました',
  signedOut: 'またのご利用をお待ちしています。',
  demoTitle: 'デモ用アカウント（ローカル環境のみ）',
  roleCustomer: '顧客',
  roleStaff: 'スタッフ',
  roleAdmin: '管理者',
  otherLanguage: 'English',
};

export type Messages = typeof ja;

const en: Messages = {
  signInTitle: 'Sign in',
  signInLead: 'Sign in with your Kura account.',
  signUpTitle: 'Create an account',
  signUpLead: 'Choose the email address and password you will sign in with.',
  email: 'Email address',
  password: 'Password',
  passwordHint: 'At least 8 characters',
  displayName: 'Display name',
  optional: 'optional',
  signIn: 'Sign in',
  signUp: 'Create account',
  noAccount: 'New to Kura?',
  haveAccount: 'Already have an account?',
  cancel: 'Cancel and return to the app',
  invalidCredentials: 'The email address or password is not correct.',
  tooManyAttempts: 'Too many attempts. Please wait about {minutes} min and try again.',
  invalidEmail: 'Please enter a valid email address.',
  passwordTooShort: 'The password must be at least 8 characters.',
  passwordTooLong: 'The password must be at most 128 characters.',
  displayNameTooLong: 'The display name must be at most 100 characters.',
  invalidCharacter: 'The {field} field contains a character that cannot be used (U+0000).',
  emailTaken: 'This email address cannot be registered. If you already have an account, please sign in.',
  expiredTitle: 'This page has expired',
  expired: 'This sign-in took too long and has expired. Please return to the app and try again.',
  backToApp: 'Return to the app',
  errorTitle: 'Something went wrong',
  errorLead: 'The sign-in could not be completed. Please return to the app and try again.',
  signOutTitle: 'Sign out',
  signOutLead: 'Do you want to sign out of Kura?',
  signOutYes: 'Sign out',
  signOutNo: 'Stay signed in',
  signedOutTitle: 'You are signed out',
  signedOut: 'See you again soon.',
  demoTitle: 'Demo accounts (local only)',
  roleCustomer: 'Customer',
  roleStaff: 'Staff',
  roleAdmin: 'Admin',
  otherLanguage: '日本語',
};

export const messages: Record<Language, Messages> = { ja, en };

/**
 * The page language: an explicit choice (`?lang=`), then the app's
 * `ui_locales`, then the browser's Accept-Language by quality; Japanese
 * when nothing matches.
 */
export function chooseLanguage(options: {
  explicit?: string | undefined;
  uiLocales?: string | undefined;
  acceptLanguage?: string | undefined;
}): Language {
  const explicit = asLanguage(options.explicit);
  if (explicit) return explicit;
  for (const tag of (options.uiLocales ?? '').split(' ')) {
    const language = asLanguage(tag);
    if (language) return language;
  }
  const ranked = (options.acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const language = asLanguage(entry.tag);
    if (language) return language;
  }
  return 'ja';
}

function asLanguage(tag: string | undefined): Language | undefined {
  const primary = tag?.trim().toLowerCase().split('-')[0];
  return languages.find((l) => l === primary);
}

/**
 * The actions the API writes today, for the action filter (the API matches `action` exactly, so a
 * typo would silently find nothing). A new action shows in the log before it is added here.
 */
const AUDIT_ACTIONS = [
  'auth.email.changed',
  'auth.email.verified',
  'auth.email_change.requested',
  'auth.locked',
  'auth.login.failed',
  'auth.login.succeeded',
  'auth.logout',
  'auth.mfa.disabled',
  'auth.mfa.enabled',
  'auth.password.changed',
  'auth.password.reset',
  'auth.password.reset_requested',
  'auth.refresh.reuse_detected',
  'auth.register',
  'auth.session.revoked',
  'checkout.abandoned',
  'checkout.started',
  'order.completed',
  'order.line_shipped',
  'order.placed',
  'order.refund_failed',
  'order.refunded',
  'order.shipped',
  'product.archived',
  'product.created',
  'product.image_uploaded',
  'product.stock_adjusted',
  'product.updated',
  'review.created',
  'user.erased',
  'user.locked',
  'user.password_reset_sent',
  'user.profile.updated',
  'user.role_changed',
  'user.sessions_revoked',
  'user.unlocked',
] as const;

export const AUDIT_ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: action }));

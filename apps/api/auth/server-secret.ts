export const SERVER_SECRET = Symbol('SERVER_SECRET');

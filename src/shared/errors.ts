/**
 * The one catalogue of coded errors. Handlers throw `AppError`s; the site renders a readable
 * page and the API (later) renders `{ errors: [{ code, message }] }`. Tests assert codes and
 * statuses, never the wording.
 */
export const ERROR_CATALOGUE = {
  ERR_NOT_FOUND: { status: 404, message: 'We could not find that page.' },
  ERR_ARTICLE_NOT_FOUND: { status: 404, message: 'We could not find that story.' },
  ERR_ARTICLE_GONE: { status: 410, message: 'This story has been withdrawn and is no longer available.' },
  ERR_URL_TOO_LONG: { status: 400, message: 'That address is too long for us to read.' },
  ERR_URL_MALFORMED: {
    status: 400,
    message: 'That address contains characters we cannot read (broken percent-encoding or invalid UTF-8).',
  },
  ERR_INVALID_PAGE_NUMBER: { status: 400, message: 'The page number must be a whole number from 1 up.' },
  ERR_SEARCH_QUERY_TOO_LONG: { status: 400, message: 'Please shorten your search to 200 characters or fewer.' },
  ERR_SEARCH_FILTER_INVALID: {
    status: 400,
    message: 'Please choose a section from the list and give dates as YYYY-MM-DD, the first no later than the second.',
  },
  ERR_STORY_FILTER_INVALID: {
    status: 400,
    message: 'Please choose the story list’s filters from the form and give dates as YYYY-MM-DD, the first no later than the last.',
  },
  ERR_BAD_REQUEST: { status: 400, message: 'We could not understand that request.' },
  // Answered before a request reaches the app (see `clientErrorHandler` in app.ts).
  ERR_REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive. Please try again.' },
  ERR_REQUEST_HEADERS_TOO_LARGE: { status: 431, message: 'The request’s headers are too large for us to read.' },
  /** Any staff text field (src/shared/text.ts); comments keep ERR_COMMENT_INVALID_CHARACTERS. Nothing is saved. */
  ERR_TEXT_INVALID_CHARACTERS: {
    status: 400,
    message:
      'This text contains characters we cannot store: control characters, or a line break or tab in a one-line field. Please retype it; nothing was saved.',
  },
  // Media library. Limits are checked in this order, cheapest first: bytes, then the header's
  // format and dimensions, then decoding.
  ERR_MEDIA_NOT_FOUND: { status: 404, message: 'We could not find that image.' },
  ERR_MEDIA_DETAILS_INVALID: {
    status: 400,
    message: 'Please give alt text (1–300 characters), a caption of up to 1,000 and a credit of up to 200.',
  },
  ERR_MEDIA_UNREADABLE: { status: 400, message: 'That file is empty or damaged and could not be read as an image.' },
  ERR_MEDIA_FILE_TOO_LARGE: { status: 413, message: 'That file is too large; images may be up to 20 MB.' },
  ERR_MEDIA_IMAGE_TOO_LARGE: {
    status: 413,
    message: 'That image is too large; it may be up to 12,000 pixels a side and 40 megapixels in all.',
  },
  ERR_MEDIA_UNSUPPORTED_TYPE: { status: 415, message: 'Please upload a JPEG, PNG, WebP or AVIF image.' },
  ERR_MEDIA_FORM_TOO_LARGE: { status: 413, message: 'That upload has too many files or fields; send one image with its details.' },
  // The multipart body itself could not be read (no or another boundary, a part that never closes, a
  // body cut short): nothing was saved.
  ERR_MULTIPART_MALFORMED: {
    status: 400,
    message: 'That upload arrived incomplete or damaged, so nothing was saved. Please choose the file again and resend the form.',
  },
  // The story editor's pictures (docs/editor-pictures.md): JSON endpoints under /newsroom/media.
  ERR_MEDIA_SEARCH_INVALID: {
    status: 400,
    message: 'Search with up to 100 characters of plain text, and page with the “next” value the library gave.',
  },
  ERR_MEDIA_ALT_REQUIRED: {
    status: 400,
    message: 'This picture already has alt text; it can be changed but not removed (readers of published stories rely on it).',
  },
  ERR_MEDIA_FETCH_URL_INVALID: { status: 400, message: 'Give the picture’s address as an http:// or https:// link.' },
  ERR_MEDIA_FETCH_REFUSED: { status: 422, message: 'That address is on a private network, so the picture was not fetched.' },
  ERR_MEDIA_FETCH_FAILED: { status: 422, message: 'The picture could not be fetched from that address (it failed, was too slow or too large).' },
  // Curation: Must-Reads picks, the home page's lead story and the breaking-news banner.
  ERR_PICK_NOT_FOUND: { status: 404, message: 'We could not find that pick; it may have been removed already.' },
  ERR_PICK_STORY_INVALID: { status: 400, message: 'Choose a published story.' },
  ERR_PICK_DUPLICATE: { status: 409, message: 'That story is already a Must-Read.' },
  ERR_PICK_EXPIRY_INVALID: { status: 400, message: 'Give the expiry as a date and time in the future, or leave it empty.' },
  ERR_LEAD_STORY_INVALID: { status: 400, message: 'Choose a published story, or the newest story.' },
  ERR_BANNER_TEXT_INVALID: { status: 400, message: 'Give the banner 1 to 200 characters of text.' },
  ERR_BANNER_LINK_INVALID: {
    status: 400,
    message: 'The banner link must be a web address starting with https:// or http://, or a path on this site starting with /.',
  },
  ERR_BANNER_END_INVALID: { status: 400, message: 'Give the banner an end date and time in the future.' },
  // Story workflow and revisions (newsroom services; routes map these to pages and JSON).
  ERR_STORY_FORBIDDEN: { status: 403, message: 'Your role does not allow that on this story.' },
  ERR_STORY_INPUT_INVALID: { status: 400, message: 'Some of the story’s fields need attention.' },
  ERR_STORY_REFERENCE_UNKNOWN: {
    status: 400,
    message: 'The story refers to a section, author, series or image that does not exist.',
  },
  ERR_STORY_SLUG_TAKEN: { status: 409, message: 'Another story already uses that web address (slug).' },
  ERR_STORY_SECTION_EDITION: { status: 400, message: 'Choose a section of the story’s edition: that section belongs to another edition.' },
  ERR_STORY_TRANSLATION_TAKEN: {
    status: 409,
    message: 'A translation of this story is already in that edition: a story may have one translation per edition.',
  },
  ERR_TRANSLATION_SAME_EDITION: { status: 400, message: 'A story cannot be translated into its own edition: choose another edition.' },
  ERR_TRANSLATION_EDITION_OFF: { status: 400, message: 'That edition is switched off: switch it on in Editions before translating into it.' },
  ERR_TRANSLATION_NO_SECTION: { status: 400, message: 'That edition has no sections yet: add one in Sections before translating into it.' },
  ERR_STORY_TRANSITION_INVALID: { status: 409, message: 'The story’s status does not allow that step now.' },
  ERR_STORY_ALT_MISSING: {
    status: 409,
    message: 'Some pictures in this story have no alt text yet. Describe each picture for readers who cannot see it, then try again.',
  },
  ERR_STORY_SCHEDULE_INVALID: { status: 400, message: 'Please give a valid date and time for publishing.' },
  ERR_STORY_SCHEDULE_IN_PAST: { status: 400, message: 'The publishing time must be in the future.' },
  ERR_CORRECTION_INVALID: { status: 400, message: 'A correction needs a kind and 1 to 2,000 characters of text.' },
  ERR_CORRECTION_NOT_PUBLISHED: { status: 409, message: 'Corrections can be added to published stories only.' },
  ERR_REVISION_NOT_FOUND: { status: 404, message: 'We could not find that revision of the story.' },
  // A save whose editor started from an older version than someone else's newer save: nothing was
  // written (docs/editor-saving.md); the answer carries who saved, when, and a diff.
  ERR_STORY_CONFLICT: {
    status: 409,
    message: 'Someone else saved this story after you opened it, so your save was not written. Compare the versions and choose what to keep.',
  },
  ERR_STORY_SAVE_INVALID: {
    status: 400,
    message: 'The editor sent a version or editing session we cannot read. Reload the page; your text is kept.',
  },
  ERR_PRESENCE_INVALID: { status: 400, message: 'The editor sent an editing session we cannot read. Reload the page.' },
  ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'That kind of request is not supported here.' },
  // View counting (the beacon readers' browsers send).
  ERR_VIEW_REPORT_INVALID: {
    status: 400,
    message: 'A view report is a JSON object of at most 1 KB naming a story by its id, such as {"article":"…"}.',
  },
  ERR_VIEW_CROSS_SITE: { status: 403, message: 'Views can only be reported by this site’s own pages.' },
  ERR_TOO_MANY_VIEW_REPORTS: { status: 429, message: 'Too many view reports from this address; please slow down.' },
  // Newsroom accounts and sessions. Sign-in failures share one code whatever went wrong, so the
  // answer never tells whether an e-mail address has an account.
  ERR_NOT_SIGNED_IN: { status: 401, message: 'Please sign in to the newsroom to continue.' },
  ERR_FORBIDDEN: { status: 403, message: 'Your role does not allow this. Ask an editor or an admin if you need it.' },
  ERR_CSRF_TOKEN_INVALID: {
    status: 403,
    message: 'This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.',
  },
  ERR_SIGN_IN_FAILED: { status: 401, message: 'The e-mail address or password is not right.' },
  ERR_TOO_MANY_SIGN_IN_ATTEMPTS: {
    status: 429,
    message: 'Too many failed sign-ins from this network. Please wait 15 minutes and try again.',
  },
  ERR_EMAIL_INVALID: { status: 400, message: 'Enter an e-mail address in the form name@example.com.' },
  ERR_EMAIL_TAKEN: { status: 409, message: 'There is already a staff account with that e-mail address.' },
  ERR_DISPLAY_NAME_INVALID: { status: 400, message: 'Enter a display name of 1 to 100 characters.' },
  ERR_ROLE_UNKNOWN: { status: 400, message: 'Choose a role: contributor, reporter, editor or admin.' },
  ERR_PASSWORD_TOO_SHORT: { status: 400, message: 'Passwords must be at least 12 characters long.' },
  ERR_PASSWORD_TOO_LONG: { status: 400, message: 'Passwords must be at most 256 characters long.' },
  ERR_PASSWORD_INCORRECT: { status: 400, message: 'Your current password is not right.' },
  ERR_PASSWORDS_DO_NOT_MATCH: { status: 400, message: 'The new password and its confirmation do not match.' },
  ERR_USER_NOT_FOUND: { status: 404, message: 'We could not find that staff account.' },
  // Staff management and invitations.
  ERR_LAST_ADMIN: {
    status: 409,
    message: 'This is the last active admin account. Make someone else an admin first, so the newsroom is never left without one.',
  },
  ERR_INVITATION_NOT_FOUND: { status: 404, message: 'We could not find that invitation. Check the link, or ask an admin for a new one.' },
  ERR_INVITATION_GONE: {
    status: 410,
    message: 'This invitation has already been used or has expired. Ask an admin for a new one.',
  },
  // Sections, authors, tags and publication settings (newsroom forms show these beside the field).
  ERR_SECTION_NOT_FOUND: { status: 404, message: 'We could not find that section.' },
  ERR_SECTION_NAME_INVALID: { status: 400, message: 'Enter a section name of 1 to 80 characters.' },
  ERR_SLUG_INVALID: {
    status: 400,
    message: 'Enter a web address (slug) of lower-case letters, numbers and single hyphens, such as world-news.',
  },
  ERR_SECTION_SLUG_TAKEN: { status: 409, message: 'Another section of this edition already uses that web address (slug).' },
  ERR_SECTION_EDITION_INVALID: { status: 400, message: 'Choose the section’s edition from the list.' },
  ERR_SECTION_EDITION_IN_USE: {
    status: 409,
    message: 'This section has stories, so it stays in its edition: move its stories to another section first.',
  },
  ERR_DESCRIPTION_TOO_LONG: { status: 400, message: 'Descriptions may be at most 500 characters long.' },
  ERR_AUTHOR_NOT_FOUND: { status: 404, message: 'We could not find that author.' },
  ERR_AUTHOR_NAME_INVALID: { status: 400, message: 'Enter an author name of 1 to 100 characters.' },
  ERR_AUTHOR_SLUG_TAKEN: { status: 409, message: 'Another author already uses that web address (slug).' },
  ERR_AUTHOR_BIO_TOO_LONG: { status: 400, message: 'Bios may be at most 2,000 characters and job titles at most 100.' },
  ERR_TAG_NOT_FOUND: { status: 404, message: 'We could not find that tag.' },
  ERR_TAG_NAME_INVALID: { status: 400, message: 'Enter a tag name of 1 to 60 characters.' },
  ERR_SETTINGS_INVALID: { status: 400, message: 'Some of the settings need attention.' },
  // The Audience dashboard (unknown section or author filters use ERR_SECTION_NOT_FOUND / ERR_AUTHOR_NOT_FOUND).
  ERR_AUDIENCE_PERIOD_INVALID: { status: 400, message: 'Choose a period of Today, 7 days or 30 days (period=today, 7d or 30d).' },
  // Reader comments (src/modules/comments). Nothing is stored when any of these is raised.
  ERR_COMMENT_SIGN_IN_REQUIRED: { status: 401, message: 'Please sign in or create an account to comment, like or report.' },
  ERR_COMMENT_READER_BANNED: {
    status: 403,
    message: 'Your account may no longer comment, like or report. Contact the newsroom if you think this is a mistake.',
  },
  ERR_COMMENT_EMPTY: { status: 400, message: 'Write something before posting: the comment is empty.' },
  ERR_COMMENT_TOO_LONG: { status: 400, message: 'Comments may be at most 300 characters. Please shorten yours; nothing was posted.' },
  ERR_COMMENT_TOO_MANY_BYTES: {
    status: 400,
    message: 'That comment is too large (at most 2,000 bytes, which stacked accents and symbols use up quickly). Please shorten it.',
  },
  ERR_COMMENT_INVALID_CHARACTERS: {
    status: 400,
    message: 'That comment contains control characters or broken text we cannot store. Please retype it.',
  },
  ERR_COMMENT_INVALID_ENCODING: {
    status: 400,
    message: 'That form arrived with text that is not valid UTF-8, so nothing was posted. Please try again.',
  },
  ERR_COMMENT_BODY_TOO_LARGE: { status: 413, message: 'That request is far too large for a comment, so nothing was posted.' },
  ERR_COMMENT_NOT_FOUND: { status: 404, message: 'We could not find that comment; it may have been deleted.' },
  ERR_COMMENT_PARENT_INVALID: { status: 400, message: 'You can only reply to a published comment on the same story.' },
  ERR_COMMENTS_CLOSED: { status: 403, message: 'Comments are closed on this site at the moment.' },
  ERR_COMMENTS_OFF_FOR_STORY: { status: 403, message: 'Comments are turned off for this story.' },
  ERR_COMMENT_NOT_YOURS: { status: 403, message: 'You can only edit or delete your own comments.' },
  ERR_COMMENT_EDIT_WINDOW_CLOSED: { status: 409, message: 'Comments can be edited for 5 minutes after posting; this one can no longer be changed.' },
  ERR_COMMENT_NOT_EDITABLE: { status: 409, message: 'This comment can no longer be changed.' },
  ERR_COMMENT_ALREADY_LIKED: { status: 409, message: 'You have already liked this comment.' },
  ERR_COMMENT_ALREADY_REPORTED: { status: 409, message: 'You have already reported this comment; an editor will look at it.' },
  ERR_TOO_MANY_COMMENTS: { status: 429, message: 'You are commenting very quickly. Please wait a few minutes and try again.' },
  // Reader accounts (the public site's /account pages). Sign-in failures reuse ERR_SIGN_IN_FAILED and
  // ERR_TOO_MANY_SIGN_IN_ATTEMPTS; password rules reuse the ERR_PASSWORD_* codes above.
  ERR_READER_NOT_SIGNED_IN: { status: 401, message: 'Please sign in to your reader account to continue.' },
  ERR_READER_NAME_INVALID: { status: 400, message: 'Enter a display name of 1 to 50 characters, without line breaks.' },
  ERR_READER_NOT_FOUND: { status: 404, message: 'We could not find that reader account.' },
  ERR_TOO_MANY_SIGN_UPS: { status: 429, message: 'Too many new accounts from this address. Please wait an hour and try again.' },
  // Also the newsroom's change-password form: wrong current passwords, per account and per address.
  ERR_TOO_MANY_PASSWORD_ATTEMPTS: { status: 429, message: 'Too many wrong passwords. Please wait 15 minutes and try again.' },
  ERR_READER_RESET_NOT_FOUND: {
    status: 404,
    message: 'We could not find that password-reset link. Check that you copied all of it, or ask for a new one from the sign-in page.',
  },
  ERR_READER_RESET_GONE: {
    status: 410,
    message:
      'This password-reset link has already been used or has expired (mailed links work for an hour). Ask for a new one from the sign-in page.',
  },
  // Account mail (docs/account-mail.md): sign-up confirmation, "forgot password" for readers and staff.
  ERR_READER_NOT_CONFIRMED: {
    status: 403,
    message: 'Please confirm your e-mail address first: open the link in the mail we sent you. Your account page can send it again.',
  },
  ERR_READER_CONFIRMATION_NOT_FOUND: {
    status: 404,
    message: 'We could not find that confirmation link. Check that you copied all of it, or sign in and ask for a new one on your account page.',
  },
  ERR_READER_CONFIRMATION_GONE: {
    status: 410,
    message:
      'This confirmation link has already been used or has expired. Sign in: your account page says whether your address is confirmed and can send a new link.',
  },
  ERR_STAFF_RESET_NOT_FOUND: {
    status: 404,
    message: 'We could not find that password-reset link. Check that you copied all of it, or ask for a new one from the sign-in page.',
  },
  ERR_STAFF_RESET_GONE: {
    status: 410,
    message: 'This password-reset link has already been used or has expired (links work for an hour). Ask for a new one from the sign-in page.',
  },
  ERR_TOO_MANY_RESET_REQUESTS: { status: 429, message: 'Too many password-reset requests from this address. Please wait an hour and try again.' },
  ERR_TOO_MANY_CONFIRMATION_MAILS: {
    status: 429,
    message: 'We have sent several confirmation mails already. Please wait an hour and check your inbox and spam folder.',
  },
  // Comment moderation in the newsroom (an unknown comment is ERR_COMMENT_NOT_FOUND, above).
  ERR_MODERATION_STEP_INVALID: {
    status: 409,
    message:
      'That comment’s status does not allow this step now (deleted comments stay deleted); nothing was changed. Reload the queue to see it as it is.',
  },
  ERR_MODERATION_NO_REPORTS: { status: 409, message: 'That comment has no reports to dismiss; nothing was changed.' },
  ERR_MODERATION_BAN_INVALID: { status: 409, message: 'That reader is already banned, or not banned, so nothing was changed.' },
  ERR_MODERATION_VIEW_INVALID: { status: 400, message: 'Choose a queue of pending, reported or all comments (show=pending, reported or all).' },
  ERR_MODERATION_MODE_INVALID: { status: 400, message: 'Choose how comments work: open, pre-moderated or closed.' },
  ERR_MODERATION_BLOCKLIST_INVALID: {
    status: 400,
    message: 'The blocklist may have at most 500 entries, one a line, each at most 100 characters, without tabs or control characters.',
  },
  // The Content API (/api/v1) and its keys. Every API error is JSON: { errors: [{ code, message }] }.
  ERR_API_KEY_REQUIRED: {
    status: 401,
    message:
      'The Content API needs an API key: send it as "Authorization: Bearer <key>" or "X-Api-Key: <key>". An admin can make one in the newsroom.',
  },
  ERR_API_KEY_INVALID: { status: 401, message: 'That API key is not one of ours. Check that it was copied whole.' },
  ERR_API_KEY_REVOKED: { status: 401, message: 'That API key has been revoked. Ask the newsroom for a new one.' },
  ERR_API_KEY_NAME_INVALID: { status: 400, message: 'Give the key a name of 1 to 100 characters, such as the partner who will use it.' },
  ERR_API_KEY_NOT_FOUND: { status: 404, message: 'We could not find that API key.' },
  ERR_API_KEY_ALREADY_REVOKED: { status: 409, message: 'That API key is already revoked; nothing was changed.' },
  ERR_API_RATE_LIMITED: {
    status: 429,
    message: 'Too many requests with this API key. Wait for the number of seconds in Retry-After, then try again.',
  },
  ERR_API_PARAMETER_UNKNOWN: { status: 400, message: 'The request has a query parameter this endpoint does not take; see /api/v1/openapi.json.' },
  ERR_API_PARAMETER_INVALID: {
    status: 400,
    message: 'A query parameter has a value we cannot use; see /api/v1/openapi.json for the allowed values.',
  },
  ERR_API_FIELD_UNKNOWN: { status: 400, message: 'The fields parameter names a field this endpoint does not have.' },
  ERR_API_PER_PAGE_INVALID: { status: 400, message: 'per_page must be a whole number from 1 to 100.' },
  ERR_API_EDITION_UNKNOWN: {
    status: 400,
    message: 'No edition of the publication has that language; give edition as one of its languages, such as ko.',
  },
  // Webhooks (newsroom, integrations.manage).
  ERR_WEBHOOK_NOT_FOUND: { status: 404, message: 'We could not find that webhook; it may have been deleted.' },
  ERR_WEBHOOK_NAME_INVALID: { status: 400, message: 'Give the webhook a name of 1 to 100 characters.' },
  ERR_WEBHOOK_URL_INVALID: {
    status: 400,
    message:
      'The webhook URL must be a full web address starting with https:// or http://, of at most 2,000 characters, without a user name or password.',
  },
  ERR_WEBHOOK_URL_PRIVATE: {
    status: 400,
    message: 'That address points to a private or local network. Webhooks may only be sent to public addresses.',
  },
  ERR_WEBHOOK_EVENTS_INVALID: { status: 400, message: 'Choose at least one event: story published, story updated or story unpublished.' },
  ERR_WEBHOOK_DELIVERY_NOT_FOUND: { status: 404, message: 'We could not find that delivery of this webhook.' },
  ERR_WEBHOOK_REDELIVER_INVALID: { status: 409, message: 'Only a failed delivery can be sent again; this one is pending or delivered.' },
  // Redirects (newsroom, redirects.manage; modules/redirects): old links sent on to new addresses.
  ERR_REDIRECT_PATH_INVALID: {
    status: 400,
    message: 'Give the old path as it was on the old site, starting with / (such as /2024/05/31/old-story), of at most 500 characters.',
  },
  ERR_REDIRECT_PATH_SERVED: {
    status: 400,
    message:
      'Dateline serves that path itself (the home page, stories, sections, authors, tags, search, feeds, the newsroom, the API …), so a redirect from it would never be used. Give an old address that no longer works.',
  },
  ERR_REDIRECT_TARGET_INVALID: {
    status: 400,
    message:
      'Give the new address as a path on this site starting with / (such as /article/new-story), or a full web address starting with https:// or http://, of at most 2,000 characters.',
  },
  ERR_REDIRECT_TO_ITSELF: { status: 400, message: 'The new address is the old path itself; a redirect must lead somewhere else.' },
  ERR_REDIRECT_LOOP: {
    status: 409,
    message: 'The new address already redirects back to this old path, so readers would go round in a loop. Remove that redirect first.',
  },
  ERR_REDIRECT_EXISTS: { status: 409, message: 'That old path already has a redirect. Remove it first to send it somewhere else.' },
  ERR_REDIRECT_NOT_FOUND: { status: 404, message: 'We could not find a redirect for that path; it may have been removed already.' },
  // Generated archives (`dateline generate`, src/demo/archive-generator.ts).
  ERR_ARCHIVE_NOT_EMPTY: {
    status: 409,
    message:
      'The database already holds a publication, so no archive was generated. Generate into an empty database: a new DATA_DIR, or an empty PostgreSQL database.',
  },
  // Archive imports (`dateline import`, src/modules/imports).
  ERR_IMPORT_OPTIONS_INVALID: {
    status: 400,
    message: 'The import options name something that does not exist here: check the section slugs given to --section-map and --default-section.',
  },
  ERR_IMPORT_FILE_REFUSED: {
    status: 422,
    message: 'This file is not an export the importer reads: give it a WordPress export (WXR) file.',
  },
  // The newsroom's Import page (web/newsroom/import.routes.ts, modules/import-runs). Nothing is kept
  // of a refused upload.
  ERR_IMPORT_FILE_MISSING: { status: 400, message: 'Choose the export file to import: a WordPress export (.xml) or a Ghost export (.json or .zip).' },
  ERR_IMPORT_FILE_EMPTY: { status: 400, message: 'That file is empty, so there is nothing to import. Choose the export file again.' },
  ERR_IMPORT_FILE_TOO_LARGE: {
    status: 413,
    message:
      'That file is larger than this site accepts for an import (IMPORT_MAX_BYTES), so nothing was kept. Import it from the command line, or ask whoever runs the server to raise the limit.',
  },
  ERR_IMPORT_SECTION_MAP_INVALID: {
    status: 400,
    message:
      'The section map needs one old=new pair a line (or separated by commas), each new one the slug of a section that exists here, such as city-hall=politics.',
  },
  ERR_IMPORT_DEFAULT_SECTION_INVALID: {
    status: 400,
    message: 'The default section must be one of this site’s sections. Choose one from the list, or leave it at the first section.',
  },
  ERR_IMPORT_TIME_ZONE_INVALID: {
    status: 400,
    message: 'Enter the old site’s time zone as an IANA name such as Asia/Seoul or Europe/London, or leave it empty for the publication’s.',
  },
  ERR_IMPORT_SITE_URL_INVALID: {
    status: 400,
    message: 'Enter the old site’s address as it was, starting with https:// or http://, such as https://news.example.com, or leave it empty.',
  },
  ERR_IMPORT_FORM_INVALID: {
    status: 400,
    message: 'The import form was not sent as this page sends it: choose the file again and use the Import button.',
  },
  ERR_IMPORT_RUNNING: {
    status: 409,
    message: 'An import is running already; only one runs at a time. Wait for it to finish (its progress is on the Import page), then start yours.',
  },
  ERR_IMPORT_RUN_NOT_FOUND: { status: 404, message: 'We could not find that import.' },
  ERR_ARCHIVE_OPTIONS_INVALID: {
    status: 400,
    message: 'Give the number of stories as a whole number from 20 to 1,000,000, and the seed as a whole number from 0 up.',
  },
  /** The mail queue (modules/mail): nothing is queued. */
  ERR_MAIL_ADDRESS_INVALID: {
    status: 400,
    message: 'That e-mail address cannot be used: give one address in the form name@example.com, up to 254 characters.',
  },
  ERR_MAIL_HEADER_INVALID: {
    status: 400,
    message: 'That message cannot be sent: its name, subject or a header is empty, too long or has a line break.',
  },
  ERR_MAIL_MESSAGE_NOT_FOUND: { status: 404, message: 'We could not find that message in the outbox.' },
  // Newsletter issues (newsroom, newsletters.send; modules/newsletters).
  /** Editions (modules/editions). */
  ERR_EDITION_NOT_FOUND: { status: 404, message: 'We could not find that edition.' },
  ERR_EDITION_INVALID: {
    status: 400,
    message:
      'Please give a language tag such as ko or pt-BR, an address prefix of lower-case letters such as ko (not one the site already uses), a name of up to 100 characters, a tagline of up to 200, and a time zone such as Asia/Seoul.',
  },
  ERR_EDITION_TAKEN: { status: 409, message: 'Another edition already has that language or that address prefix.' },
  ERR_EDITION_DEFAULT_FIXED: {
    status: 409,
    message: 'The default edition is the publication itself: change its name, tagline and time zone in Settings. It cannot be switched off.',
  },
  ERR_NEWSLETTER_NOT_FOUND: { status: 404, message: 'We could not find that newsletter.' },
  ERR_NEWSLETTER_ISSUE_NOT_FOUND: { status: 404, message: 'We could not find that newsletter issue.' },
  ERR_NEWSLETTER_ISSUE_NOT_EDITABLE: {
    status: 409,
    message: 'This issue has already started sending, so it can no longer be changed or sent again.',
  },
  ERR_NEWSLETTER_ISSUE_TOO_LATE: {
    status: 409,
    message: 'This issue’s set time has passed, so it cannot go out by itself any more. Send it now, or leave it held.',
  },
  ERR_NEWSLETTER_ISSUE_INVALID: {
    status: 400,
    message: 'Please give a subject (1–200 characters), an intro of up to 2,000 characters, and keep at least one story.',
  },
  ERR_MAIL_FILTER_INVALID: {
    status: 400,
    message: 'We could not read that outbox filter or page link. Choose a status (queued, sending, sent or failed) and start from the first page.',
  },
  /** Newsletter subscribers (modules/newsletters). */
  ERR_NEWSLETTER_CHOICE_INVALID: { status: 400, message: 'Choose at least one of the newsletters listed.' },
  ERR_TOO_MANY_SUBSCRIPTIONS: { status: 429, message: 'Too many sign-ups from this address. Please wait an hour and try again.' },
  ERR_NEWSLETTER_LINK_NOT_FOUND: {
    status: 404,
    message: 'We could not find that newsletter link. Check that it was copied whole, or subscribe again.',
  },
  ERR_NEWSLETTER_LINK_GONE: {
    status: 410,
    message: 'This confirmation link has already been used or has expired (links work for 48 hours). Subscribe again for a new one.',
  },
  ERR_SUBSCRIBER_NOT_FOUND: { status: 404, message: 'We could not find that subscriber; the address may have been deleted.' },
  ERR_SUBSCRIBER_SEARCH_INVALID: { status: 400, message: 'Search by the start of an address, up to 254 characters.' },
  ERR_SUBSCRIBER_IMPORT_INVALID: {
    status: 400,
    message:
      'Paste CSV rows of up to 1 MB (about 20,000 addresses) with the columns address, newsletters and consent date; import a longer list in parts.',
  },
  // The Subscribers page's CSV file upload (docs/newsletters.md). Nothing is imported on any of these.
  ERR_SUBSCRIBER_IMPORT_MISSING: {
    status: 400,
    message: 'Choose a CSV file to upload, or paste CSV rows, with the columns address, newsletters and consent date.',
  },
  ERR_SUBSCRIBER_IMPORT_TWO_SOURCES: {
    status: 400,
    message: 'Choose a CSV file or paste CSV rows, not both: empty the pasted rows to upload the file, or leave the file out.',
  },
  ERR_SUBSCRIBER_FILE_TOO_LARGE: {
    status: 413,
    message:
      'That file is larger than 5 MB (or has more than 100,000 rows), so nothing was imported. Split the list into smaller files and upload each.',
  },
  ERR_SUBSCRIBER_FILE_EMPTY: { status: 400, message: 'That file is empty, so there is nothing to import. Choose the CSV file again.' },
  ERR_SUBSCRIBER_FILE_NOT_CSV: {
    status: 400,
    message:
      'That file is not a CSV text file, so nothing was imported. In your spreadsheet, save the list as “CSV UTF-8” (.csv) and upload that file.',
  },
  ERR_SUBSCRIBER_IMPORT_FORM_INVALID: {
    status: 400,
    message: 'That upload has more files or fields than the import form sends, so nothing was imported. Send the form from the Subscribers page.',
  },
  ERR_STAFF_LANGUAGE_INVALID: { status: 400, message: 'Choose a language from the list.' },
  ERR_DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The site is briefly unavailable. Please try again in a moment.',
  },
  /** Multi-node mode: Redis (shared rate limits) cannot be reached and the action must not go unchecked. */
  ERR_SERVICE_UNAVAILABLE: { status: 503, message: 'This is briefly unavailable. Please try again in a moment.' },
  // Live coverage (docs/live.md).
  ERR_LIVE_STORY_NOT_FOUND: { status: 404, message: 'That story does not exist, or it was deleted.' },
  ERR_LIVE_NOT_LIVE: { status: 409, message: 'This story is not a live story. Set its type to Live to post updates on it.' },
  ERR_LIVE_NOT_PUBLISHED: { status: 409, message: 'Updates can be posted on a published live story only. Publish it first.' },
  ERR_LIVE_ENDED: { status: 409, message: 'This story’s live coverage has ended; its updates can no longer change.' },
  ERR_LIVE_UPDATE_NOT_FOUND: { status: 404, message: 'That update does not exist, or it was deleted.' },
  ERR_LIVE_UPDATE_EMPTY: { status: 400, message: 'Write the update before posting it.' },
  ERR_LIVE_UPDATE_TOO_LONG: { status: 400, message: 'An update may be at most 5,000 characters. Shorten it or post two; nothing was posted.' },
  ERR_LIVE_UPDATE_INVALID_CHARACTERS: {
    status: 400,
    message: 'The update contains control characters that cannot be published. Remove them and post again.',
  },
  ERR_LIVE_UPDATE_INVALID: { status: 400, message: 'The update could not be read: check its links, figures and embeds.' },
  ERR_LIVE_SUMMARY_INVALID: { status: 400, message: 'Key points may be at most 10 lines of 300 characters each, without control characters.' },
  ERR_LIVE_NOT_YOURS: { status: 403, message: 'Only an editor may change or delete another reporter’s update.' },
  ERR_LIVE_TYPE_INVALID: { status: 400, message: 'Choose the story type the story takes once the coverage ends.' },
  ERR_LIVE_TOO_MANY_READERS: { status: 503, message: 'Too many readers are following live right now. The page still updates when you reload it.' },
  ERR_INTERNAL: { status: 500, message: 'Something went wrong on our side. Please try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
  ) {
    super(detail ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.status = ERROR_CATALOGUE[code].status;
  }

  /** The message meant for the person who made the request. */
  get publicMessage(): string {
    return ERROR_CATALOGUE[this.code].message;
  }
}

/** A problem found while starting up: printed as one clear line, then the process exits non-zero. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

import type { Rule } from "../types";
import { ALNUM, HEX, URLSAFE, fake } from "./fake";
import { isPlaceholder } from "./heuristics";

/**
 * Share and edit links of the services freelancers pass files around with, and URLs on
 * hosts that only resolve inside a company. Whoever holds such a link reads the client's
 * files (most are "anyone with the link" shares), so it is personal/business data
 * (`private-link`). URL shapes, learned from each service's own share dialogs and help pages:
 *
 * - Google: `drive.google.com/file/d/ID`, `/drive/folders/ID`, `/open?id=ID`,
 *   `docs.google.com/{document,spreadsheets,presentation,forms,drawings}/d/ID`
 *   (forms: `/forms/d/e/ID/viewform`, Workspace: `/a/DOMAIN/…`), `forms.gle/ID`,
 *   `meet.google.com/abc-defg-hij`, `photos.app.goo.gl/ID`.
 * - Dropbox: `dropbox.com/scl/fi/ID/NAME?rlkey=…`, `/scl/fo/` (folders), older `/s/ID/NAME`,
 *   `/sh/ID/ID`, `/l/…`, `/t/…` (transfers), `db.tt/ID`, `paper.dropbox.com/doc/…`.
 * - WeTransfer: `wetransfer.com/downloads/HEX/HEX`, `NAME.wetransfer.com/downloads/…`, `we.tl/t-ID`;
 *   SwissTransfer `swisstransfer.com/d/UUID`; Smash `fromsmash.com/ID`.
 * - Notion: `notion.so/WORKSPACE/Title-32HEX`, `WORKSPACE.notion.site/Title-32HEX`.
 * - Figma: `figma.com/{file,design,proto,board,slides,deck,make}/KEY/…` (Community files,
 *   `figma.com/community/…`, are public). Miro: `miro.com/app/board/ID=/`,
 *   `miro.com/welcomeonboard/TOKEN`. Canva: `canva.com/design/ID/TOKEN/edit|view`, `canva.link/ID`.
 * - Loom: `loom.com/share/32HEX`, `/embed/32HEX`. Frame.io: `f.io/ID`, `app.frame.io/reviews/UUID`,
 *   `next.frame.io/share/UUID`. Vimeo private: `vimeo.com/NUMBER/HASH`.
 * - Microsoft: `1drv.ms/w/s!ID`, `1drv.ms/f/c/ID/ID`, `onedrive.live.com/?…id=`,
 *   `TENANT.sharepoint.com/:w:/s/SITE/ID`, `/sites/…`, `/personal/…`, `TENANT-my.sharepoint.com`;
 *   Teams `teams.microsoft.com/l/meetup-join/…`, `teams.microsoft.com/meet/ID?p=…`, `teams.live.com/meet/ID`.
 * - Airtable shared views `airtable.com/shrID`, `airtable.com/appID/shrID`, `/embed/shrID`;
 *   Trello `trello.com/b/ID/NAME`, `/c/ID/…`, `/invite/b/…`.
 * - Zoom `zoom.us/j/ID?pwd=…`, `SUB.zoom.us/j/…`, `/my/NAME`, `/rec/share/TOKEN`, `/s/`, `/w/`.
 * - Box `app.box.com/s/ID`, DocSend `docsend.com/view/ID`, iCloud `icloud.com/iclouddrive/ID`.
 * - Google Calendar events `calendar.google.com/calendar/event?…eid=ID`, Meet by phone `tel.meet/ID?pin=…`;
 *   Linear `linear.app/WORKSPACE/{issue,project,view}/…`, Jira and Confluence `TENANT.atlassian.net/…`;
 *   preview deployments `PROJECT-git-BRANCH-TEAM.vercel.app`, `deploy-preview-N--SITE.netlify.app`,
 *   `HASH.PROJECT.pages.dev` (a branch's unreleased site, often behind a password given beside it).
 *
 * Documentation, help and marketing pages of the same services (`support.google.com`,
 * `help.figma.com`, `dropbox.com/help`, `figma.com/community`) have other hosts or paths and
 * stay silent. Signed URLs (S3, GCS) are secrets, not links: see SIGNED_URL_RULES.
 */

/** Rest of a URL after its distinctive part: no spaces, quotes, brackets; never ends on punctuation. */
const TAIL = String.raw`(?:[^\s"'<>()\[\]{}\\\x60|]{0,2000}[^\s"'<>()\[\]{}\\\x60|.,;:!?*])?`;
/** Optional scheme, and the host must start a word (not `help.figma.com`, not `x@notion.so`). */
const START = String.raw`(?<![\w@.\-/])(?:https?:\/\/)?`;
/** Same, for hosts that may carry a sub-domain of the customer (`acme.sharepoint.com`, `us02web.zoom.us`). */
const START_SUB = String.raw`(?<![\w@.\-/])(?:https?:\/\/)?(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){0,3}`;

function link(hosts: string, path: string, sub = false): RegExp {
  return new RegExp(`${sub ? START_SUB : START}(?:${hosts})${path}${TAIL}`, "gi");
}

/** The part of a share link that names the file: not a documentation stand-in (`YOUR_FILE_ID`, `<id>`, `xxxx`). */
function realId(id: string | undefined, min = 6): boolean {
  if (!id || id.length < min) return false;
  if (/your|example|placeholder|sample|dummy|xxx|_id\b|file_?id|doc_?id|folder_?id|board_?id|\.\.\./i.test(id)) return false;
  return !/^(.)\1*$/.test(id);
}

const ADVICE = "anyone holding the link can open the client's files: replace it before sharing";

function linkRule(id: string, title: string, keywords: string[], pattern: RegExp, match: string[], noMatch: string[], min = 6): Rule {
  return {
    id,
    category: "pii",
    kind: "private-link",
    title,
    keywords,
    pattern,
    validate: (_v, m) => realId(m.slice(1).find((g) => g !== undefined), min),
    confidence: 0.85,
    advice: ADVICE,
    examples: { match, noMatch },
  };
}

const GDOC = fake(44, URLSAFE, 3);
const GFOLDER = fake(33, URLSAFE, 4);

export const PRIVATE_LINK_RULES: readonly Rule[] = [
  linkRule(
    "link-google-drive",
    "Google Drive / Docs share link",
    ["drive.google.com", "docs.google.com"],
    link(
      String.raw`drive|docs`,
      String.raw`\.google\.com\/(?:a\/[\w.-]{1,80}\/)?(?:(?:file|document|spreadsheets|presentation|forms|drawings)(?:\/u\/\d)?\/d\/(?:e\/)?|drive\/(?:u\/\d\/)?folders\/|(?:open|uc)\?(?:[\w=]{1,40}&){0,3}id=)([\w-]{10,200})`,
    ),
    [
      `Maquettes : https://drive.google.com/file/d/${GDOC}/view?usp=sharing`,
      `le dossier https://drive.google.com/drive/folders/${GFOLDER}?usp=drive_link.`,
      `Brief: https://docs.google.com/document/d/${GDOC}/edit#heading=h.x1`,
      `Planning (docs.google.com/spreadsheets/d/${GDOC}/edit?gid=0)`,
      `https://docs.google.com/forms/d/e/1FAIpQLS${fake(48, URLSAFE, 5)}/viewform`,
      `https://drive.google.com/open?id=${GFOLDER}`,
    ],
    [
      "https://support.google.com/drive/answer/2494822?hl=fr",
      "https://developers.google.com/drive/api/guides/about-sdk",
      "https://docs.google.com/",
      "https://docs.google.com/document/d/YOUR_DOCUMENT_ID/edit",
      "https://docs.google.com/document/d/<id>/edit",
    ],
  ),
  linkRule(
    "link-google-forms-photos",
    "Google Forms / Photos short link",
    ["forms.gle", "photos.app.goo.gl"],
    link(String.raw`forms\.gle|photos\.app\.goo\.gl`, String.raw`\/([A-Za-z0-9]{8,40})`),
    ["Inscriptions : https://forms.gle/" + fake(17, ALNUM, 6), "photos du shooting https://photos.app.goo.gl/" + fake(17, ALNUM, 7)],
    ["https://forms.gle/", "see forms.gle for short links"],
  ),
  linkRule(
    "link-google-meet",
    "Google Meet link",
    ["meet.google.com", "tel.meet/"],
    // `tel.meet/ID?pin=…`: the same meeting by phone, its PIN in the link.
    link(String.raw`meet\.google\.com|tel\.meet`, String.raw`\/([a-z]{3}-[a-z]{4}-[a-z]{3})(?![\w-])`),
    ["Visio : https://meet.google.com/xkq-wprt-zmd", "join meet.google.com/abc-defg-hij?authuser=0", "More phone numbers: https://tel.meet/xqv-hrtm-pzd?pin=3185529041"],
    ["https://meet.google.com/", "https://meet.google.com/new", "https://support.google.com/meet/answer/9303069"],
  ),
  linkRule(
    "link-dropbox",
    "Dropbox share link",
    ["dropbox.com", "dropboxusercontent.com", "db.tt/"],
    new RegExp(
      START +
        String.raw`(?:(?:www\.|dl\.)?dropbox(?:usercontent)?\.com\/(?:scl\/f[io]\/|s\/|sh\/|l\/(?:scl\/)?|t\/|request\/)|paper\.dropbox\.com\/doc\/(?:[\w-]{0,120}-)?|db\.tt\/)([\w-]{6,200})` +
        TAIL,
      "gi",
    ),
    [
      `https://www.dropbox.com/scl/fi/${fake(25, "abcdefghijklmnopqrstuvwxyz0123456789", 8)}/Rushes_V2.zip?rlkey=${fake(25, "abcdefghijklmnopqrstuvwxyz0123456789", 9)}&dl=0`,
      `Photos HD : https://www.dropbox.com/sh/${fake(15, "abcdefghijklmnopqrstuvwxyz0123456789", 10)}/AAB${fake(22, URLSAFE, 11)}?dl=0`,
      `https://www.dropbox.com/s/${fake(15, "abcdefghijklmnopqrstuvwxyz0123456789", 12)}/devis.pdf?dl=0`,
      `Déposez les rushes ici : https://www.dropbox.com/request/${fake(20, ALNUM, 113)}`,
    ],
    ["https://www.dropbox.com/help/security", "https://www.dropbox.com/developers/documentation", "https://www.dropbox.com/", "https://www.dropbox.com/s/YOUR_FILE_ID/file.pdf"],
  ),
  linkRule(
    "link-wetransfer",
    "WeTransfer / SwissTransfer / Smash download link",
    ["wetransfer.com", "we.tl/", "swisstransfer.com", "fromsmash.com"],
    new RegExp(
      START_SUB +
        String.raw`(?:wetransfer\.com\/downloads\/([0-9a-f]{16,64})|we\.tl\/([tsr]-[A-Za-z0-9]{6,20})|swisstransfer\.com\/d\/([0-9a-f-]{20,40})|fromsmash\.com\/([\w-]{6,40}))` +
        TAIL,
      "gi",
    ),
    [
      `Les rushes : https://wetransfer.com/downloads/${fake(46, HEX, 12)}/${fake(6, HEX, 13)}`,
      "https://we.tl/t-" + fake(10, ALNUM, 14) + " (expire le 12)",
      `https://www.swisstransfer.com/d/${fake(8, HEX, 15)}-${fake(4, HEX, 16)}-${fake(4, HEX, 17)}-${fake(4, HEX, 18)}-${fake(12, HEX, 19)}`,
    ],
    ["https://wetransfer.com/", "https://help.wetransfer.com/hc/fr/articles/202702163", "https://wetransfer.com/pricing"],
  ),
  {
    ...linkRule(
      "link-notion",
      "Notion page link",
      ["notion.so", "notion.site"],
      link(String.raw`(?:www\.)?notion\.so|[A-Za-z0-9-]{1,63}\.notion\.site`, String.raw`\/(?:[\w.-]{1,100}\/)?(?:[^\s/?#"'<>()]{0,200}-)?([0-9a-f]{32})(?![0-9a-f])`),
      [`Specs : https://www.notion.so/acme-studio/Brief-refonte-site-${fake(32, HEX, 20)}?pvs=4`, `https://maison-studio.notion.site/Moodboard-${fake(32, HEX, 21)}`, `notion.so/${fake(32, HEX, 22)}?v=${fake(32, HEX, 23)}`],
      ["https://www.notion.so/help/guides", "https://developers.notion.com/reference/intro", "https://www.notion.so/pricing"],
    ),
    validate: (_v, m) => realId(m[1], 32),
  },
  linkRule(
    "link-figma",
    "Figma file link",
    ["figma.com"],
    link(String.raw`(?:www\.)?figma\.com`, String.raw`\/(?:file|design|proto|board|slides|deck|make|embed\?[^\s"'<>]{0,40}?file)\/([A-Za-z0-9]{15,40})`),
    [`Maquettes : https://www.figma.com/design/${fake(22, ALNUM, 24)}/Refonte-site?node-id=12-345`, `proto https://www.figma.com/proto/${fake(22, ALNUM, 25)}/App?page-id=0%3A1`, `figma.com/file/${fake(22, ALNUM, 26)}/Logo`],
    ["https://www.figma.com/community/file/1035203688168086460", "https://help.figma.com/hc/en-us/articles/360040531773", "https://www.figma.com/developers/api", "https://www.figma.com/pricing/"],
  ),
  linkRule(
    "link-miro",
    "Miro board link",
    ["miro.com"],
    link(String.raw`miro\.com`, String.raw`\/(?:app\/(?:board|live-embed)\/|welcomeonboard\/)([\w=-]{8,300})`),
    ["Atelier : https://miro.com/app/board/uXjV" + fake(8, URLSAFE, 27) + "=/?share_link_id=" + fake(12, "0123456789", 28), "https://miro.com/welcomeonboard/" + fake(60, URLSAFE, 29)],
    ["https://miro.com/templates/mind-map/", "https://help.miro.com/hc/en-us", "https://miro.com/app/dashboard/"],
  ),
  linkRule(
    "link-canva",
    "Canva design link",
    ["canva.com", "canva.link"],
    link(String.raw`(?:www\.)?canva\.com\/design\/|canva\.link\/`, String.raw`([\w-]{8,60})`),
    [`Visuels : https://www.canva.com/design/DAF${fake(8, URLSAFE, 30)}/${fake(22, URLSAFE, 31)}/edit?utm_content=DAF&utm_source=sharebutton`, "https://canva.link/" + fake(15, ALNUM, 32)],
    ["https://www.canva.com/templates/", "https://www.canva.com/fr_fr/apprendre/", "https://www.canva.com/design/YOUR_DESIGN_ID/view"],
  ),
  linkRule(
    "link-loom",
    "Loom video link",
    ["loom.com"],
    link(String.raw`(?:www\.)?loom\.com`, String.raw`\/(?:share|embed)\/(?:[\w-]{0,120}-)?([0-9a-f]{32})(?![0-9a-f])`),
    [`Démo : https://www.loom.com/share/${fake(32, HEX, 33)}?sid=${fake(8, HEX, 34)}`, `https://www.loom.com/embed/${fake(32, HEX, 35)}`],
    ["https://www.loom.com/pricing", "https://support.loom.com/hc/en-us", "https://www.loom.com/share/folder/123"],
    32,
  ),
  linkRule(
    "link-frameio",
    "Frame.io review link",
    ["frame.io", "f.io/"],
    link(String.raw`(?:app|next)\.frame\.io\/(?:reviews|presentations|share|player|projects|invite)\/|f\.io\/`, String.raw`([\w-]{5,80})`),
    [`V3 du montage : https://f.io/${fake(8, ALNUM, 36)}`, `https://app.frame.io/reviews/${fake(8, HEX, 37)}-${fake(4, HEX, 38)}-${fake(4, HEX, 39)}-${fake(4, HEX, 40)}-${fake(12, HEX, 41)}/x`],
    ["https://frame.io/", "https://help.frame.io/en/articles/1234-share-links", "https://developer.frame.io/docs"],
    5,
  ),
  linkRule(
    "link-vimeo-private",
    "Vimeo private video link",
    ["vimeo.com"],
    link(String.raw`(?:www\.)?vimeo\.com`, String.raw`\/(?:manage\/videos\/)?\d{6,12}\/([0-9a-f]{10})(?![0-9a-f])`),
    [`Montage : https://vimeo.com/${fake(9, "0123456789", 42)}/${fake(10, HEX, 43)}`],
    ["https://vimeo.com/76979871", "https://vimeo.com/help"],
  ),
  linkRule(
    "link-onedrive",
    "OneDrive share link",
    ["1drv.ms", "onedrive.live.com"],
    new RegExp(
      START +
        String.raw`(?:1drv\.ms\/[a-z](?:\/[a-z])?\/([\w!.~-]{6,120})|onedrive\.live\.com\/(?:[\w.]{0,20}\?|redir\?|embed\?|edit(?:\.aspx)?\?|view\.aspx\?)[^\s"'<>]{0,300}?(?:resid|id|cid)=([\w!%.-]{6,120}))` +
        TAIL,
      "gi",
    ),
    [`Le devis : https://1drv.ms/w/s!A${fake(20, URLSAFE, 44)}?e=${fake(6, ALNUM, 45)}`, `https://1drv.ms/f/c/${fake(16, HEX, 46)}/E${fake(40, URLSAFE, 47)}`, `https://onedrive.live.com/?authkey=%21A${fake(12, ALNUM, 48)}&id=${fake(16, HEX, 49)}%21123&cid=${fake(16, HEX, 50)}`],
    ["https://support.microsoft.com/en-us/onedrive", "https://onedrive.live.com/about/fr-fr/", "https://1drv.ms/"],
  ),
  {
    ...linkRule(
      "link-sharepoint",
      "SharePoint / OneDrive for Business link",
      ["sharepoint.com"],
      new RegExp(
        String.raw`(?<![\w@.\-/])(?:https?:\/\/)?([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:-my)?)\.sharepoint\.com\/(?::[a-z]:\/[a-z]\/|sites\/|teams\/|personal\/|_layouts\/|:f:\/)` + TAIL,
        "gi",
      ),
      [`Contrat : https://acmegroup.sharepoint.com/:w:/s/Marketing/E${fake(40, URLSAFE, 51)}?e=${fake(6, ALNUM, 52)}`, "https://contoso-my.sharepoint.com/personal/jdoe_contoso_com/Documents/Brief.docx", "https://agence.sharepoint.com/sites/Clients/Shared%20Documents/Forms/AllItems.aspx"],
      ["https://learn.microsoft.com/en-us/sharepoint/dev/", "https://www.microsoft.com/fr-fr/microsoft-365/sharepoint/collaboration", "https://yourtenant.sharepoint.com/sites/yoursite"],
    ),
    validate: (_v, m) => realId(m[1], 2) && !/^(?:your|tenant|contoso-?example)/i.test(m[1]),
  },
  linkRule(
    "link-microsoft-teams",
    "Microsoft Teams meeting link",
    ["teams.microsoft.com", "teams.live.com"],
    // `teams…/meet/ID` stops before its `?p=` passcode (a secret of its own, see MEETING_PASSCODE_RULES).
    new RegExp(START + String.raw`teams\.(?:microsoft|live)\.com\/(?:l\/meetup-join\/([\w%.@:-]{6,400})` + TAIL + String.raw`|meet\/(\d{6,20}))`, "gi"),
    ["Réunion Teams : https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + fake(48, ALNUM, 53) + "%40thread.v2/0?context=%7b%22Tid%22%7d", "https://teams.microsoft.com/meet/" + fake(14, "0123456789", 54) + "?p=" + fake(16, ALNUM, 55), "https://teams.live.com/meet/" + fake(13, "0123456789", 56)],
    ["https://teams.microsoft.com/", "https://support.microsoft.com/en-us/teams", "https://teams.microsoft.com/downloads"],
  ),
  linkRule(
    "link-zoom",
    "Zoom meeting link",
    ["zoom.us"],
    // The link stops before its query: `?pwd=` is a passcode, reported as a secret on its own.
    new RegExp(START_SUB + String.raw`zoom\.us\/(?:j|s|w|my|wc(?:\/join)?|rec\/(?:share|play))\/([\w.-]{5,200})(?:\/[\w.-]{1,100}){0,3}`, "gi"),
    ["Lien Zoom : https://us02web.zoom.us/j/" + fake(11, "0123456789", 57) + "?pwd=" + fake(32, ALNUM, 58), "https://zoom.us/rec/share/" + fake(60, URLSAFE, 59), "zoom.us/my/agence.lumiere"],
    ["https://support.zoom.us/hc/en-us/articles/201362193", "https://zoom.us/download", "https://zoom.us/pricing"],
    5,
  ),
  linkRule(
    "link-airtable",
    "Airtable shared view link",
    ["airtable.com"],
    link(String.raw`airtable\.com`, String.raw`\/(?:embed\/)?(?:app[A-Za-z0-9]{14}\/)?(?:(?:tbl|viw|pag)[A-Za-z0-9]{14}\/){0,2}((?:shr|app|tbl|viw)[A-Za-z0-9]{14})(?![A-Za-z0-9])`),
    ["Suivi : https://airtable.com/shr" + fake(14, ALNUM, 60), "https://airtable.com/app" + fake(14, ALNUM, 61) + "/shr" + fake(14, ALNUM, 62) + "?backgroundColor=blue"],
    ["https://airtable.com/developers/web/api/introduction", "https://support.airtable.com/docs/creating-a-shared-view", "https://airtable.com/templates"],
  ),
  linkRule(
    "link-trello",
    "Trello board or card link",
    ["trello.com"],
    link(String.raw`trello\.com`, String.raw`\/(?:invite\/)?[bc]\/([A-Za-z0-9]{8})(?![A-Za-z0-9])`),
    ["Board : https://trello.com/b/" + fake(8, ALNUM, 63) + "/lancement-collection", "https://trello.com/c/" + fake(8, ALNUM, 64) + "/12-maquette-home"],
    ["https://trello.com/guide", "https://trello.com/templates", "https://support.atlassian.com/trello/"],
  ),
  linkRule(
    "link-google-calendar-event",
    "Google Calendar event link",
    ["calendar.google.com"],
    link(String.raw`calendar\.google\.com`, String.raw`\/calendar\/(?:u\/\d\/)?(?:event\?(?:[\w=%-]{1,40}&){0,3}eid=|r\/eventedit\/)([\w-]{16,400})`),
    ["View all guest info: https://calendar.google.com/calendar/event?action=VIEW&eid=" + fake(80, ALNUM, 80) + "&tok=" + fake(40, ALNUM, 81)],
    ["https://calendar.google.com/calendar/r", "https://support.google.com/calendar/answer/37082"],
  ),
  linkRule(
    "link-linear-jira",
    "Linear or Jira / Confluence workspace link",
    ["linear.app/", ".atlassian.net/"],
    link(
      String.raw`linear\.app\/(?!docs\b|changelog\b|method\b|blog\b|pricing\b|customers\b|features\b|about\b|careers\b|contact\b|download\b)([\w-]{2,60})(?=\/(?:issue|project|view|team|document)\/|\/?(?:[\s"'<>)]|$))|[A-Za-z0-9][\w-]{1,62}\.atlassian\.net\/(?:browse|jira|wiki|servicedesk|projects)\/([\w~-]{2,60})`,
      "",
    ),
    ["Tracker : https://linear.app/sirocco-digital/project/op-brise-7c21f0a9d4e3", "https://linear.app/acme/issue/OPB-117/fix-safari-checkout", "Ticket : https://maison-x.atlassian.net/browse/SHOP-412"],
    ["https://linear.app/docs/projects", "https://linear.app/changelog", "https://support.atlassian.com/jira-software-cloud/", "https://www.atlassian.com/software/jira"],
    2,
  ),
  linkRule(
    "link-preview-deployment",
    "Preview deployment link",
    ["vercel.app", "netlify.app", "pages.dev"],
    // Vercel's branch and commit previews (`PROJECT-git-BRANCH-TEAM.vercel.app`, `PROJECT-HASH9-TEAM.vercel.app`),
    // Netlify's `deploy-preview-N--SITE.netlify.app`, Cloudflare Pages' `HASH8.PROJECT.pages.dev`.
    link(
      String.raw`([a-z0-9][a-z0-9-]{0,60}-git-[a-z0-9-]{1,120}|[a-z0-9][a-z0-9-]{0,60}-(?=[a-z]{0,8}\d)[a-z0-9]{9}-[a-z0-9-]{1,60})\.vercel\.app|deploy-preview-\d{1,6}--([a-z0-9-]{1,63})\.netlify\.app|([0-9a-f]{8})\.[a-z0-9-]{1,58}\.pages\.dev`,
      "",
    ),
    ["c'est là : https://nordik-landing-git-feat-winter-drop-fjordstudio.vercel.app", "https://shop-b7c9d2e1f-acme.vercel.app/checkout", "https://deploy-preview-42--maison-shop.netlify.app/", "https://3f9a1c2e.brise-teaser.pages.dev"],
    ["https://vercel.app", "https://nextjs.vercel.app/docs", "https://acme-something-site.vercel.app", "https://app.netlify.com/sites", "https://developers.cloudflare.com/pages/"],
    2,
  ),
  {
    id: "link-with-key",
    // A secret, not only a link: the key in it opens the page by itself. Above a password rule
    // that reads `pwd=…` alone, so the whole link goes, not just its key.
    category: "secret",
    kind: "private-link",
    title: "Link that carries its own password or key",
    keywords: ["?pwd=", "&pwd=", "?password=", "&password=", "?passcode=", "&passcode=", "?k=", "&k=", "?key=", "&key=", "?token=", "&token=", "?access_token=", "&access_token=", "?auth=", "&auth="],
    // Any host: whoever has the URL has the key (`…notion.site/Portfolio-2f8c…?pwd=bia2026`, `…pages.dev/?k=b7Qx19Lm`).
    pattern: new RegExp(
      // The scheme's `h` first, the character before it checked after: a regex that opens on a lookbehind tries every position.
      String.raw`h(?<![\w@.\-/]h)ttps?:\/\/([A-Za-z0-9][A-Za-z0-9.-]{1,200})(?::\d{1,5})?(?:\/[^\s"'<>()\[\]{}\\\x60|?#]{0,300})?\?(?:[\w.-]{1,30}=[^\s"'<>&#]{0,200}&){0,8}(?:pwd|password|passcode|k|key|token|access_token|auth)=([A-Za-z0-9._~%-]{6,200})` + TAIL,
      "gi",
    ),
    // Zoom and Teams links have their own rules, which report the link and its passcode apart.
    validate: (_v, m) =>
      realId(m[2]) &&
      !isPlaceholder(m[2]) &&
      !/(?:^|\.)(?:example|localhost|your-?(?:domain|site|app))(?:\.[a-z]{2,12})?$/i.test(m[1]) &&
      !/(?:^|\.)(?:zoom\.us|teams\.microsoft\.com|teams\.live\.com)$/i.test(m[1]) &&
      // A README's badge (`codecov.io/…/badge.svg?token=…`) is made to be public.
      !/badge|\.svg\?|\.png\?/i.test(m[0]),
    confidence: 0.92,
    advice: "the key in the link opens it for anyone: replace the link before sharing",
    examples: {
      match: ["Portfolio : https://beatrizalmeida.notion.site/Portfolio-prive-2f8c1e9a07b64d3e?pwd=bia2026", "Preview env: https://brise-teaser-preview.pages.dev/?k=b7Qx19Lm", "https://files.studio.fr/dl?id=12&token=" + fake(24, ALNUM, 90)],
      noMatch: ["https://maps.googleapis.com/maps/api/js?key=YOUR_API_KEY", "https://example.com/reset?token=abcdef123", "[![codecov](https://codecov.io/gh/acme/lib/branch/main/graph/badge.svg?token=bRzR3RyOXZ)]", "https://site.fr/search?q=password", "https://api.site.fr/v1?key=<key>"],
    },
  },
  linkRule(
    "link-box-docsend-icloud",
    "Box / DocSend / iCloud share link",
    ["box.com", "docsend.com", "icloud.com"],
    link(String.raw`(?:app\.|[\w-]{1,40}\.(?:app\.)?)?box\.com\/(?:s|file|folder)\/|(?:www\.)?docsend\.com\/view\/|(?:www\.)?icloud\.com\/(?:iclouddrive|photos|pages|numbers|keynote|attachment)\/`, String.raw`#?([\w-]{8,80})`),
    ["https://app.box.com/s/" + fake(32, "abcdefghijklmnopqrstuvwxyz0123456789", 65), "Deck : https://docsend.com/view/" + fake(16, "abcdefghijklmnopqrstuvwxyz0123456789", 66), "https://www.icloud.com/iclouddrive/0" + fake(24, URLSAFE, 67) + "#Contrat"],
    ["https://support.box.com/hc/en-us", "https://www.icloud.com/", "https://docsend.com/pricing"],
  ),
  {
    id: "link-internal-host",
    category: "pii",
    kind: "private-link",
    title: "URL on an internal host",
    // ".local" and ".lan" alone hit `.localeCompare`, `.language` all over code: the host's end as in a URL.
    keywords: [".internal", ".corp", ".local/", ".local:", ".lan/", ".lan:", ".intra", "intranet", "://staging", "://preprod", "://pre-prod", "://recette", "://uat."],
    // A scheme is required: `config.local`, `x.corp` in code are names, not addresses.
    pattern: new RegExp(
      String.raw`(?<![\w+.-])[a-z][a-z0-9+.-]{1,15}:\/\/(?:[^\s/?#@"'<>]{1,100}@)?((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}(?:internal|corp|local|lan|intra|intranet)|intranet(?:\.[A-Za-z0-9-]{1,63}){0,6}|(?:staging|preprod|pre-prod|recette|uat)(?:[.-][A-Za-z0-9-]{1,63}){0,3}\.(?:[A-Za-z0-9-]{1,63}\.){0,4}[A-Za-z]{2,12})(?![\w-]|\.[A-Za-z0-9])(?::\d{1,5})?(?:[/?#]` +
        TAIL +
        ")?",
      "gi",
    ),
    // A pre-production host of a documentation stand-in (`staging.example.com`) is no one's.
    validate: (_v, m) => !/^(?:example|your|my[-_]|myhost|host|server|foo)/i.test(m[1]) && !/(?:^|\.)(?:example|your-?(?:domain|site|app|company)|my-?(?:domain|site|app)|domain|localhost)\.[a-z]{2,12}$/i.test(m[1]),
    confidence: 0.8,
    advice: "names a machine inside the client's network or its unreleased site: replace it before sharing",
    examples: {
      match: ["Le wiki : https://wiki.acme.internal/projets/refonte", "Staging on http://build-02.studio.corp:8080/job/release", "https://intranet.maisonaubergine.fr/rh/planning", "NAS : smb://nas.local/Clients/2026", "Staging: https://staging.verdane.io/checkout (basic auth)", "la recette : https://recette.maison-lumen.fr/admin"],
      noMatch: ["http://localhost:3000/", "see config.local for overrides", "https://docs.internal-tools.io/guide", "https://example.internal/path", "window.localStorage.setItem(k, v)", '"registry": "http://my-internal-registry.local"', "https://staging.example.com/login", "deploy to https://staging"],
    },
  },
];

/** Meeting links carry their passcode in the query: Zoom `?pwd=`, Teams `?p=` are secrets next to the link. */
export const MEETING_PASSCODE_RULES: readonly Rule[] = [
  {
    id: "meeting-link-passcode",
    category: "secret",
    kind: "password",
    title: "Meeting passcode in a Zoom or Teams link",
    keywords: ["zoom.us/", "teams.microsoft.com/meet/"],
    pattern: /(?:zoom\.us\/(?:j|s|w|wc(?:\/join)?)\/[\w.-]{5,40}\?(?:[\w.-]{1,30}=[\w.%-]{0,100}&){0,5}pwd=|teams\.microsoft\.com\/meet\/\d{6,20}\?(?:[\w.-]{1,30}=[\w.%-]{0,100}&){0,5}p=)([\w.-]{6,100})/gi,
    group: 1,
    validate: (v) => !isPlaceholder(v) && realId(v),
    confidence: 0.9,
    advice: "anyone with the link joins the meeting: share it only with the attendees",
    examples: {
      match: ["https://us02web.zoom.us/j/" + fake(11, "0123456789", 57) + "?pwd=" + fake(32, ALNUM, 58), "https://teams.microsoft.com/meet/" + fake(14, "0123456789", 54) + "?p=" + fake(16, ALNUM, 55)],
      noMatch: ["https://zoom.us/j/12345678901", "https://zoom.us/j/12345678901?pwd=xxxxxx"],
    },
  },
];

/**
 * Signed URLs grant access by themselves until they expire: the signature is a secret.
 * Only the signature is reported (the rest of the URL is harmless without it), which keeps
 * the pattern anchored on a literal and linear. Azure SAS `sig=` lives in cloud.ts.
 */
export const SIGNED_URL_RULES: readonly Rule[] = [
  {
    id: "aws-presigned-url",
    category: "secret",
    kind: "signed-url",
    title: "Amazon S3 pre-signed URL signature",
    keywords: ["x-amz-signature"],
    pattern: /[?&;]X-Amz-Signature=([0-9a-f]{64})(?![0-9a-z])/gi,
    group: 1,
    confidence: 0.9,
    advice: "anyone with the URL downloads the file until it expires: share the object another way",
    examples: {
      match: [`https://bucket.s3.eu-west-3.amazonaws.com/rushes.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260312T101500Z&X-Amz-Expires=604800&X-Amz-SignedHeaders=host&X-Amz-Signature=${fake(64, HEX, 70)}`],
      noMatch: ["X-Amz-Signature=<signature>", "?X-Amz-Signature=" + "0".repeat(63)],
    },
    entropy: 3,
  },
  {
    id: "gcs-signed-url",
    category: "secret",
    kind: "signed-url",
    title: "Google Cloud Storage signed URL signature",
    keywords: ["x-goog-signature"],
    pattern: /[?&;]X-Goog-Signature=([0-9a-f]{128,1024})(?![0-9a-z])/gi,
    group: 1,
    window: { before: 32, after: 1100 },
    confidence: 0.9,
    advice: "anyone with the URL downloads the file until it expires: share the object another way",
    examples: {
      match: [`https://storage.googleapis.com/demo-bucket/brief.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=sa%40proj.iam.gserviceaccount.com%2F20260312%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20260312T101500Z&X-Goog-Expires=900&X-Goog-SignedHeaders=host&X-Goog-Signature=${fake(512, HEX, 71)}`],
      noMatch: ["X-Goog-Signature=abc", "X-Goog-Signature=" + fake(64, HEX, 72)],
    },
    entropy: 3,
  },
];

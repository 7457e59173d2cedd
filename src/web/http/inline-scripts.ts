import { createHash } from 'node:crypto';

/*
 * The only inline scripts the site sends, kept here beside the CSP that allows them by hash: an
 * injected script has no matching hash and cannot run.
 */

/**
 * Counts a view once the page has rendered, so pages served from any cache still count. Inline,
 * allowed by its hash in the CSP, so it costs no request; the story id comes from the element's
 * `data-article`, keeping the text (and hash) the same on every page. A `?via=` list marker is read,
 * sent and removed from the address bar, so a shared link does not carry it. A prerendered page
 * waits until it is shown.
 */
export const VIEW_BEACON_SCRIPT =
  '(function(){var s=document.currentScript,id=s&&s.getAttribute("data-article");if(!id)return;' +
  'var p=new URLSearchParams(location.search),via=p.get("via");' +
  'if(via!==null){p.delete("via");var q=p.toString();history.replaceState(history.state,"",location.pathname+(q?"?"+q:"")+location.hash)}' +
  'function send(){var b=JSON.stringify(via?{article:id,via:via}:{article:id});' +
  'if(!(navigator.sendBeacon&&navigator.sendBeacon("/views",b)))fetch("/views",{method:"POST",body:b,keepalive:true,headers:{"content-type":"text/plain"}}).catch(function(){})}' +
  'function whenLoaded(){if(document.readyState==="complete")send();else addEventListener("load",send,{once:true})}' +
  'if(document.prerendering)document.addEventListener("prerenderingchange",whenLoaded,{once:true});else whenLoaded()})();';

/** CSP sources that let exactly these scripts run inline, and no other. */
export const INLINE_SCRIPT_CSP_SOURCES = [VIEW_BEACON_SCRIPT]
  .map((script) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`)
  .join(' ');

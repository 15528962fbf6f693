/** The page's style sheet: plain CSS, one column on a phone, side-by-side columns on a wide screen. */
export const WEB_CSS = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1d2433;background:#eef1f5}
button{font:inherit;cursor:pointer;border:1px solid #b9c2d0;background:#fff;color:#1d2433;border-radius:8px;padding:6px 12px}
button:hover{background:#f3f6fa}
button:disabled{opacity:.6;cursor:wait}
button.primary{background:#1f5fbf;border-color:#1f5fbf;color:#fff}
button.primary:hover{background:#194f9f}
button.danger{border-color:#c0392b;color:#a52a1f}
button.link{border:none;background:none;color:#1f5fbf;padding:4px 6px}
.demo{background:#ffd84d;color:#3b2f00;padding:8px 14px;text-align:center;font-size:14px}
.top{display:flex;justify-content:space-between;align-items:center;padding:8px 14px;background:#1f5fbf;color:#fff}
.top .link{color:#fff}
.brand{font-weight:700;letter-spacing:.5px}
.signin{max-width:420px;margin:10vh auto;background:#fff;padding:24px;border-radius:12px;box-shadow:0 2px 8px rgba(0,0,0,.08)}
.signin form{display:flex;flex-direction:column;gap:10px}
.signin input{font:inherit;padding:8px;border:1px solid #b9c2d0;border-radius:8px}
.problem{background:#fdecea;color:#8a1f14;padding:8px 10px;border-radius:8px}
.play{display:flex;gap:12px;padding:12px;height:calc(100vh - 38px)}
.people{width:280px;flex:none;overflow:auto;background:#fff;border-radius:12px;padding:12px}
.people h2{font-size:15px;margin:14px 0 6px}
.people ul{list-style:none;margin:0;padding:0}
.person{display:flex;justify-content:space-between;align-items:center;gap:6px;padding:6px 0;border-bottom:1px solid #eef1f5}
.person .about{display:flex;flex-direction:column;min-width:0}
.person .role,.inbox .role{color:#5b6578;font-size:13px}
.samples{font-size:13px;color:#5b6578}
#start-sample{width:100%}
.columns{display:flex;gap:12px;overflow-x:auto;flex:1;min-width:0}
.columns.single{padding:12px;height:calc(100vh - 44px);max-width:760px;margin:0 auto}
.inbox{display:flex;flex-direction:column;background:#fff;border-radius:12px;min-width:340px;flex:1;max-width:520px;overflow:hidden;border-top:4px solid #b9c2d0}
.columns.single .inbox{max-width:none}
.inbox.live{border-top-color:#2e9d5b}
.inbox-head{display:flex;justify-content:space-between;align-items:center;padding:8px 12px;border-bottom:1px solid #eef1f5}
.toast{display:none;background:#fff6d6;padding:6px 12px;font-size:14px}
.toast.shown{display:block}
.messages{list-style:none;margin:0;padding:10px;overflow-y:auto;flex:1;display:flex;flex-direction:column;gap:8px;background:#f7f9fb}
.msg{background:#fff;border:1px solid #e1e6ee;border-radius:10px;padding:8px 10px;max-width:92%;overflow-wrap:anywhere;white-space:pre-wrap}
.msg.me{align-self:flex-end;background:#dcebff;border-color:#c4dafa}
.msg .part+.part{border-top:1px dashed #d5dbe5;margin-top:6px;padding-top:6px}
.msg .line:empty{height:.6em}
.buttons{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.file{display:block;margin-top:4px;color:#1f5fbf}
.composer{display:flex;gap:6px;padding:8px;border-top:1px solid #eef1f5;align-items:center}
.composer input[name=text]{flex:1;min-width:0;font:inherit;padding:8px;border:1px solid #b9c2d0;border-radius:8px}
.attach{position:relative;overflow:hidden;border:1px solid #b9c2d0;border-radius:8px;padding:6px 10px;cursor:pointer;white-space:nowrap}
.attach input{position:absolute;inset:0;opacity:0;cursor:pointer}
@media (max-width:700px){
 .play{flex-direction:column;height:auto;padding:8px}
 .people{width:auto;max-height:40vh}
 .columns{flex-direction:column;overflow:visible}
 .columns.single{padding:0;height:calc(100vh - 44px)}
 .inbox{min-width:0;max-width:none;height:80vh}
 .columns.single .inbox{height:100%;border-radius:0}
 .msg{max-width:100%}
}
`;

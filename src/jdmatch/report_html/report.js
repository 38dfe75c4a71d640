(function(){
  function key(td){ if(!td) return ""; var v = td.getAttribute("data-v"); return v === null ? td.textContent.trim().toLowerCase() : v; }
  function cmp(a, b){
    var x = parseFloat(a), y = parseFloat(b);
    if(!isNaN(x) && !isNaN(y) && String(x) === String(Number(a)) && String(y) === String(Number(b))) return x - y;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function(table){
    var body = table.tBodies[0]; if(!body) return;
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function(th, col){
      th.classList.add("sortable"); th.tabIndex = 0; th.title = "Sort by this column";
      function sort(){
        var desc = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(heads, function(h){ h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows).map(function(r, i){ return [key(r.cells[col]), i, r]; });
        rows.sort(function(p, q){ var c = cmp(p[0], q[0]); return (desc ? -c : c) || p[1] - q[1]; });
        var frag = document.createDocumentFragment();
        rows.forEach(function(p){ frag.appendChild(p[2]); });
        body.appendChild(frag);
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function(ev){ if(ev.key === "Enter" || ev.key === " "){ ev.preventDefault(); sort(); } });
    });
    var hint = document.getElementById(table.id + "-hint");
    if(hint) hint.hidden = false;
  });
})();

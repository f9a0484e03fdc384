#!/usr/bin/env python3
"""Drives the MandatSanté web application in real headless Chromium, as a person would use it.

    test-web.py URL OUT_DIR [--repo DIR]

Creates a profile with the questionnaire (first with mistakes, to see the messages), reads the roadmap, prints it
to PDF, tries « Et si ? », downloads every format and checks each file, opens an example, reopens the downloaded
profile, and plans a territories file. Screenshots (PNG) and files go to OUT_DIR, to be looked at. Exits 1 on the
first check that fails, with what was expected.
"""
import base64
import json
import os
import sys
import time
import zipfile

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

url, out = sys.argv[1].rstrip("/"), os.path.abspath(sys.argv[2])
repo = sys.argv[sys.argv.index("--repo") + 1] if "--repo" in sys.argv else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
downloads = os.path.join(out, "telechargements")
os.makedirs(downloads, exist_ok=True)
for name in os.listdir(downloads):
    os.remove(os.path.join(downloads, name))

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
driver = webdriver.Chrome(options=options, service=service)
driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
# A loaded machine may take a while to answer: elements and downloads are waited for, not assumed.
driver.implicitly_wait(20)
driver.set_page_load_timeout(120)
steps = 0


def check(condition, what):
    global steps
    steps += 1
    if not condition:
        shot("echec")
        print(f"ÉCHEC : {what}\n  page : {driver.current_url}", file=sys.stderr)
        driver.quit()
        sys.exit(1)
    print(f"  ✓ {what}")


def shot(name, full=True):
    """A screenshot of the whole page (up to 6000 px high)."""
    path = os.path.join(out, f"{name}.png")
    if full:
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), 6000)
        driver.set_window_size(1280, max(height, 800))
    driver.save_screenshot(path)
    driver.set_window_size(1280, 1000)
    print(f"  capture : {path}")


def follow(element):
    """Clicks a link or a submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        # Chromium reports the old page's node as stale, or, during the navigation, as « Node with given id does
        # not belong to the document » (a plain WebDriverException, which staleness_of does not catch).
        try:
            page.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 120).until(replaced)
    driver.find_element(By.TAG_NAME, "body")


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def field(name):
    return driver.find_element(By.ID, f"f-{name}")


def choose(name, value):
    driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']").click()


def type_in(name, value):
    element = field(name)
    element.clear()
    element.send_keys(value)


def wait_for_download(suffix, before):
    for _ in range(600):
        files = [f for f in os.listdir(downloads) if f.endswith(suffix) and f not in before and not f.endswith(".crdownload")]
        if files:
            return os.path.join(downloads, files[0])
        time.sleep(0.1)
    return None


print("== accueil")
driver.get(url + "/")
check(driver.title.startswith("Accueil"), "la page d'accueil s'ouvre")
check("Exemples de territoires" in text(), "la page d'accueil liste les exemples")
inputs_without_label = driver.execute_script(
    "return [...document.querySelectorAll('input:not([type=hidden]), select')].filter(e => e.labels.length == 0).length")
check(inputs_without_label == 0, "chaque champ de l'accueil a son libellé")
shot("01-accueil")

print("== questionnaire, avec des erreurs")
follow(driver.find_element(By.LINK_TEXT, "Commencer le questionnaire"))
check(driver.title.startswith("Décrire le territoire"), "le questionnaire s'ouvre")
body = driver.find_element(By.TAG_NAME, "body")
body.send_keys(Keys.TAB)
check(driver.switch_to.active_element.text == "Aller au contenu", "la touche Tab mène d'abord au lien « Aller au contenu »")
unlabelled = driver.execute_script(
    "return [...document.querySelectorAll('form input:not([type=hidden]), form select')].filter(e => e.labels.length == 0).map(e => e.name)")
check(unlabelled == [], f"chaque champ du questionnaire a son libellé ({unlabelled})")
check("Je ne sais pas" in text() or "Laissez vide si vous ne savez pas" in text(), "« je ne sais pas » est proposé")
shot("02-questionnaire")
type_in("name", "Saint-Martin-sur-Loire <test>")
choose("kind", "commune")
type_in("population", "douze")
follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
check("réponses à corriger" in text(), "le formulaire revient avec les réponses à corriger")
check("« douze » n'est pas un nombre" in driver.find_element(By.ID, "erreur-population").text, "le message de la population est à côté du champ")
check("obligatoire" in driver.find_element(By.ID, "erreur-density").text, "la densité manquante est signalée à côté de sa question")
check(field("name").get_attribute("value") == "Saint-Martin-sur-Loire <test>", "les réponses déjà données sont gardées")
shot("03-erreurs")

print("== questionnaire corrigé → feuille de route")
type_in("population", "4 800")
choose("density", "bourg-rural")
choose("medicalZoning", "zac")
choose("gpDepartures", "oui")
choose("priorities", "acces-aux-soins")
choose("priorities", "bien-vieillir")
type_in("share75Plus", "13,5")
follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
check("/feuille-de-route?" in driver.current_url, "le formulaire mène à la feuille de route")
check("Saint-Martin-sur-Loire <test>" in driver.find_element(By.TAG_NAME, "h1").text, "la feuille de route porte le nom du territoire, échappé")
check("Portrait du territoire" in text() and "Les actions" in text(), "le document de la feuille de route est affiché")
roadmap_url = driver.current_url
shot("04-feuille-de-route")
driver.set_window_size(1280, 1000)
driver.save_screenshot(os.path.join(out, "04b-feuille-de-route-haut.png"))

print("== imprimer / PDF")
# Headless Chromium has no print dialog to close: the page's call to window.print() is recorded instead, then the
# page is printed to a PDF file as « Enregistrer au format PDF » does.
driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": "window.print = () => { window.__printCalled = true; };"})
follow(driver.find_element(By.LINK_TEXT, "Imprimer / PDF"))
check("/imprimer?" in driver.current_url, "le lien « Imprimer / PDF » ouvre la page à imprimer")
for _ in range(50):
    if driver.execute_script("return window.__printCalled === true"):
        break
    time.sleep(0.1)
check(driver.execute_script("return window.__printCalled === true"), "la page à imprimer ouvre d'elle-même l'impression du navigateur")
pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True})["data"])
pdf_path = os.path.join(out, "feuille-de-route.pdf")
with open(pdf_path, "wb") as handle:
    handle.write(pdf)
check(pdf.startswith(b"%PDF") and len(pdf) > 20000, f"le PDF est produit ({len(pdf)} octets, {pdf_path})")
check(b"Saint-Martin" in pdf or len(pdf) > 50000, "le PDF contient la feuille de route")
driver.get(roadmap_url)

print("== téléchargements")
expected = {"HTML": (".html", lambda b: b.startswith(b"<!DOCTYPE html>")),
            "Markdown": (".md", lambda b: b.startswith(b"# ")),
            "CSV (tableur)": (".csv", lambda b: b.startswith(b"\xef\xbb\xbf") and b";" in b.splitlines()[0]),
            "JSON": (".json", lambda b: isinstance(json.loads(b)["schemaVersion"], int) and "profile" in json.loads(b)),
            "Profil (JSON)": (".json", lambda b: json.loads(b)["name"] == "Saint-Martin-sur-Loire <test>")}
profile_path = None
for label, (suffix, valid) in expected.items():
    before = set(os.listdir(downloads))
    driver.find_element(By.LINK_TEXT, label).click()
    path = wait_for_download(suffix, before)
    check(path is not None, f"« {label} » se télécharge")
    with open(path, "rb") as handle:
        content = handle.read()
    check(valid(content), f"« {label} » : {os.path.basename(path)} a le contenu attendu ({len(content)} octets)")
    if label == "Profil (JSON)":
        profile_path = path

print("== et si ?")
follow(driver.find_element(By.LINK_TEXT, "Et si ?"))
check(driver.title.startswith("Et si"), "la page « Et si ? » s'ouvre")
choose("cls", "en-vigueur")
choose("msp", "oui")
follow(driver.find_elements(By.CSS_SELECTOR, "form button[type=submit]")[0])
check("Ce qui change dans le profil" in text(), "la comparaison est affichée")
check("Côte à côte" in text() and "Ce qui change, et pourquoi" in text(), "les deux feuilles de route sont côte à côte, avec les raisons")
check(len(driver.find_elements(By.CSS_SELECTOR, ".changes ul.why li")) > 0, "chaque changement dit pourquoi")
shot("05-et-si")

print("== exemple")
driver.get(url + "/")
first_example = driver.find_element(By.CSS_SELECTOR, "ul.examples a")
name = first_example.text
follow(first_example)
check(name in driver.find_element(By.TAG_NAME, "h1").text, f"l'exemple « {name} » s'ouvre sur sa feuille de route")
driver.save_screenshot(os.path.join(out, "06b-exemple-haut.png"))
shot("06-exemple")

print("== rouvrir le profil téléchargé")
driver.get(url + "/")
driver.find_element(By.ID, "fichier-profil").send_keys(profile_path)
follow(driver.find_element(By.CSS_SELECTOR, "#fichier button[type=submit]"))
check("Saint-Martin-sur-Loire <test>" in driver.find_element(By.TAG_NAME, "h1").text, "le profil téléchargé se rouvre")
check(driver.current_url == roadmap_url, "il donne la même feuille de route (même adresse)")

print("== profil invalide")
bad = os.path.join(out, "profil-invalide.json")
with open(bad, "w") as handle:
    handle.write('{\n  "name": "X",\n  "kind": "village",\n  "population": 12\n}\n')
driver.get(url + "/")
driver.find_element(By.ID, "fichier-profil").send_keys(bad)
follow(driver.find_element(By.CSS_SELECTOR, "#fichier button[type=submit]"))
check("profil-invalide.json:3:11" in text() and "village" in text(), "un profil invalide est refusé avec la ligne et la colonne")
shot("07-profil-invalide")

print("== plusieurs territoires")
driver.get(url + "/lot")
driver.find_element(By.ID, "fichier-lot").send_keys(os.path.join(repo, "Profiles", "territoires-exemple.csv"))
follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
check(len(rows) == 12, f"les douze territoires sont planifiés ({len(rows)})")
check("LES RECOMMANDATIONS LES PLUS SOUVENT RETENUES" in text(), "la synthèse est affichée")
shot("08-plusieurs-territoires")
before = set(os.listdir(downloads))
driver.find_element(By.PARTIAL_LINK_TEXT, "Télécharger l'archive").click()
archive = wait_for_download(".zip", before)
check(archive is not None, "l'archive se télécharge")
with zipfile.ZipFile(archive) as handle:
    names = handle.namelist()
    roadmaps = [name for name in names if name.endswith(".html") and name[:3].isdigit()]
    tables = sorted(set(names) - set(roadmaps))
    # The rows are all valid: no erreurs.csv, only the roadmaps, the three tables for a spreadsheet and the summary.
    check(handle.testzip() is None and len(roadmaps) == 12 and tables == ["actions.csv", "leviers.csv", "resume.txt", "synthese.csv"],
          f"l'archive est lisible : {len(roadmaps)} feuilles de route, et {', '.join(tables)}")
follow(rows[0].find_element(By.TAG_NAME, "a"))
check("/feuille-de-route?" in driver.current_url, "chaque territoire du lot ouvre sa feuille de route")

driver.quit()
print(f"{steps} passed, 0 failed")

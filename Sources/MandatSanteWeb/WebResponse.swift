import LoopbackHTTP

/// The kinds of response the pages give, with the headers each needs.
enum WebResponse {
    static func page(_ html: String, status: HTTPStatus = .ok) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/html; charset=utf-8", body: html)
    }

    /// After a form that succeeded: the browser asks for `location` (Post/Redirect/Get).
    static func redirect(_ location: String) -> HTTPResponse {
        var response = page(PageLayout.render(title: "Redirection", body: "<p><a href=\"\(HTML.escape(location))\">Continuer</a></p>"), status: .seeOther)
        response.headers.add("Location", location)
        return response
    }

    /// A file to save: `fileName` must be ASCII without quotes (a slug).
    static func download(_ bytes: [UInt8], fileName: String, mediaType: String) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: HTTPHeaders([("Content-Type", mediaType), ("Content-Disposition", "attachment; filename=\"\(fileName)\"")]), body: bytes)
    }

    static func asset(_ text: String, mediaType: String) -> HTTPResponse {
        HTTPResponse(status: .ok, contentType: mediaType, body: text)
    }

    /// A page that says what went wrong and what to do, in a sentence or two.
    static func problem(_ status: HTTPStatus, title: String, message: String, details: String? = nil, next: (href: String, label: String)? = ("/", "Revenir à l'accueil")) -> HTTPResponse {
        var body = "<h1>\(HTML.escape(title))</h1>\n<p class=\"lead\">\(HTML.escape(message))</p>\n"
        if let details { body += "<pre class=\"diagnostics\">\(HTML.escape(details))</pre>\n" }
        if let next { body += "<p class=\"actions\"><a class=\"button\" href=\"\(HTML.escape(next.href))\">\(HTML.escape(next.label))</a></p>\n" }
        return page(PageLayout.render(title: title, body: body), status: status)
    }
}
